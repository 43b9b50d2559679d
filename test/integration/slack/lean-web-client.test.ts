import { LogLevel, WebClient } from '@slack/web-api';
import { classifySlackError } from '../../../src/scheduler/classify';
import { INTERACTIVE_CLIENT_OPTIONS } from '../../../src/slack/client-options';
import { jsonBody, LeanWebClient } from '../../../src/slack/lean-web-client';
import { slackFailure } from '../../../src/slack/slack-failure';
import { asJson } from '../../../src/slack/web-api-json';
import { answerJson, useBareWebApi } from '../../support/bare-web-api';

/**
 * The interactive client posts the write methods of every interaction as one JSON body. What reaches
 * Slack must mean what WebClient's form post meant, and what comes back (answers, and each kind of
 * failure the bot's replies and "maybe posted" decisions read) must be what WebClient gives.
 */
const api = useBareWebApi();
const { seen } = api;

const lean = (timeout?: number) => new LeanWebClient('xoxb-test', { slackApiUrl: api.apiUrl, teamId: 'T1', timeout, logger: quietLogger() });
const webClient = (timeout = 5_000) =>
  new WebClient('xoxb-test', { ...INTERACTIVE_CLIENT_OPTIONS, slackApiUrl: api.apiUrl, teamId: 'T1', timeout, logLevel: LogLevel.ERROR });
const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Agenda · "été" & 100%' }, blocks: [{ type: 'divider' as const }] };

it('posts a view, blocks and the other arguments as one JSON body that reads as the form WebClient posts', async () => {
  api.answer = (_request, _body, response) => answerJson(response, 200, { ok: true, view: { id: 'V1' } });
  const blocks = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Goal* <@U1>' } }];
  await lean().views.open({ trigger_id: '1.2.3', view: asJson(modal) });
  await lean().chat.postMessage({ channel: 'C1', text: 'Goal', blocks: asJson(blocks), thread_ts: undefined, unfurl_links: false });
  await webClient().views.open({ trigger_id: '1.2.3', view: modal });
  await webClient().chat.postMessage({ channel: 'C1', text: 'Goal', blocks, thread_ts: undefined, unfurl_links: false });
  expect(seen.map((call) => call.url)).toEqual(['/api/views.open', '/api/chat.postMessage', '/api/views.open', '/api/chat.postMessage']);
  for (const call of seen.slice(0, 2)) {
    expect(call.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(call.headers.authorization).toBe('Bearer xoxb-test');
  }
  const form = (body: string) =>
    Object.fromEntries([...new URLSearchParams(body)].map(([key, value]) => [key, /^[[{]/.test(value) ? JSON.parse(value) : value]));
  expect(JSON.parse(seen[0]!.body)).toEqual({ team_id: 'T1', trigger_id: '1.2.3', view: modal });
  expect(JSON.parse(seen[0]!.body)).toEqual(form(seen[2]!.body));
  // Booleans are JSON's own in the body; the form has them as text.
  expect(JSON.parse(seen[1]!.body)).toEqual({ ...form(seen[3]!.body), unfurl_links: false });
  expect(JSON.parse(seen[1]!.body)).not.toHaveProperty('thread_ts');
});

it('keeps a text argument that is not JSON text a string, and leaves methods Slack takes only as forms to WebClient', async () => {
  expect(JSON.parse(jsonBody({ text: '{not json', blocks: 'plain words', view: ' [1]' }))).toEqual({ text: '{not json', blocks: 'plain words', view: [1] });
  api.answer = (_request, _body, response) => answerJson(response, 200, { ok: true, user: { id: 'U1' } });
  expect((await lean().users.info({ user: 'U1' })).user).toEqual({ id: 'U1' });
  expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(new URLSearchParams(seen[0]!.body).get('user')).toBe('U1');
});

it('gives back the answer as Slack sent it, and logs its warnings and the lines that say what Slack refused', async () => {
  const logged: string[] = [];
  const note =
    (level: string) =>
    (...message: unknown[]) =>
      logged.push(`${level} ${message.join(' ')}`);
  const client = new LeanWebClient('xoxb-test', { slackApiUrl: api.apiUrl, logger: { ...quietLogger(), warn: note('warn'), error: note('error') } });
  api.answer = (_request, _body, response) => answerJson(response, 200, { ok: true, ts: '1.2', response_metadata: { warnings: ['missing_charset'] } });
  expect(await client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).toMatchObject({ ok: true, ts: '1.2' });
  api.answer = (_request, _body, response) =>
    answerJson(response, 200, { ok: false, error: 'invalid_blocks', response_metadata: { messages: ['[ERROR] too long [json-pointer:/blocks/0/text]'] } });
  await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch(() => undefined);
  expect(logged).toEqual(['warn chat.update: missing_charset', 'error chat.postMessage: too long [json-pointer:/blocks/0/text]']);
});

describe.each([
  ['WebClient', webClient],
  ['the lean client', (timeout?: number) => lean(timeout)],
])('fails as WebClient does: %s', (_name, client) => {
  const failure = (call: Promise<unknown>) =>
    call.then(
      () => undefined,
      (error: unknown) => error as Record<string, unknown>,
    );

  it("with Slack's error and its whole answer", async () => {
    api.answer = (_request, _body, response) => answerJson(response, 200, { ok: false, error: 'expired_trigger_id' });
    const error = await failure(client().views.open({ trigger_id: 'old', view: asJson(modal) }));
    expect(slackFailure(error)).toBe('trigger_expired');
    expect(error).toMatchObject({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'expired_trigger_id' } });
  });

  it('with a 429 and its Retry-After, and another status as an HTTP error', async () => {
    api.answer = (_request, _body, response) => answerJson(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
    expect(await failure(client().chat.postMessage({ channel: 'D1', text: 'hi' }))).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    api.answer = (_request, _body, response) => answerJson(response, 503, { ok: false });
    expect(await failure(client().chat.postMessage({ channel: 'D1', text: 'hi' }))).toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
      body: { ok: false },
    });
  });

  it('with a timeout, and a dropped connection that may have posted', async () => {
    api.answer = () => undefined; // never answers
    const late = await failure(client(200).chat.postMessage({ channel: 'D1', text: 'hi' }));
    expect(slackFailure(late)).toBe('timeout');
    expect(classifySlackError(late)).toEqual({ kind: 'unknown', code: 'timeout' });
    api.answer = (request) => request.socket.destroy();
    const dropped = await failure(client().chat.postMessage({ channel: 'D1', text: 'hi' }));
    expect(slackFailure(dropped)).toBe('unavailable');
    expect(classifySlackError(dropped)).toMatchObject({ kind: 'unknown', code: expect.stringMatching(/^request_error:/) });
  });
});

function quietLogger() {
  const none = () => undefined;
  return { debug: none, info: none, warn: none, error: none, setLevel: none, getLevel: () => LogLevel.ERROR, setName: none };
}
