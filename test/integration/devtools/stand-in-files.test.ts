import { WebClient } from '@slack/web-api';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';

/** The stand-in takes files as Slack does: an upload URL for an exact length, used once, then completed into a conversation. */
let standIn: SlackStandIn;
let client: WebClient;
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { data?: { error?: string } }) => error.data?.error ?? String(error),
  );
const post = (url: string, body: string) => fetch(url, { method: 'POST', body });

beforeAll(async () => {
  standIn = await SlackStandIn.start({ botToken: 'xoxb-files', teamId: 'T0FILES' });
  standIn.addUser({ id: 'UFILE', name: 'fay' });
  client = new WebClient('xoxb-files', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
});
afterAll(() => standIn.stop());

describe('files.getUploadURLExternal, the upload and files.completeUploadExternal', () => {
  it('shares an uploaded file in a DM, with its comment', async () => {
    const upload = await client.files.getUploadURLExternal({ filename: 'data.json', length: 7 });
    expect((await post(upload.upload_url!, '{"a":1}')).status).toBe(200);
    await client.files.completeUploadExternal({ files: [{ id: upload.file_id!, title: 'Data' }], channel_id: 'DUFILE', initial_comment: 'Here it is' });
    expect(standIn.filesTo('UFILE')).toEqual([expect.objectContaining({ name: 'data.json', title: 'Data', initialComment: 'Here it is', length: 7 })]);
    expect(standIn.filesTo('UFILE')[0]!.content!.toString()).toBe('{"a":1}');
  });

  it('requires a filename and a positive length', async () => {
    expect(await errorOf(client.apiCall('files.getUploadURLExternal', { length: 5 }))).toBe('invalid_arguments');
    expect(await errorOf(client.apiCall('files.getUploadURLExternal', { filename: 'x.json' }))).toBe('invalid_arguments');
    expect(await errorOf(client.apiCall('files.getUploadURLExternal', { filename: 'x.json', length: 0 }))).toBe('invalid_arguments');
  });

  it('takes an upload URL once, and only bytes of the announced length', async () => {
    const upload = await client.files.getUploadURLExternal({ filename: 'once.json', length: 2 });
    expect((await post(upload.upload_url!, '{}')).status).toBe(200);
    expect((await post(upload.upload_url!, '{}')).status).toBe(404);
    const wrong = await client.files.getUploadURLExternal({ filename: 'short.json', length: 10 });
    expect((await post(wrong.upload_url!, '{}')).status).toBe(400);
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: wrong.file_id! }], channel_id: 'DUFILE' }))).toBe('file_not_found');
  });

  it('completes only a file that was uploaded, once, into a conversation that exists', async () => {
    const pending = await client.files.getUploadURLExternal({ filename: 'never.json', length: 2 });
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: pending.file_id! }], channel_id: 'DUFILE' }))).toBe('file_not_found');
    await post(pending.upload_url!, '{}');
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: pending.file_id! }], channel_id: 'CNOWHERE' }))).toBe('channel_not_found');
    await client.files.completeUploadExternal({ files: [{ id: pending.file_id! }], channel_id: 'DUFILE' });
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: pending.file_id! }], channel_id: 'DUFILE' }))).toBe('file_not_found');
  });
});
