/**
 * Past a load bound, commands and interactions are answered "busy" in front of Bolt (busy-before-bolt.ts):
 * Bolt never parses them, which is what lets a process that fell behind drain its backlog fast. The
 * bound here is one request in flight, held by a views.open that takes 1.5 s.
 */
import { BUSY_FORM_TEXT, BUSY_TEXT } from '../../src/slack/middleware/busy-answer';
import { PairModal } from '../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { sendViewSubmission } from '../support/raw-slack';
import { eventually, settled } from '../support/wait';

const FORM = 'application/x-www-form-urlencoded';
const logs = captureLogs();
let h: Harness;
/** Requests Bolt was handed (after its receiver parsed and verified them). */
let reachedBolt = 0;

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger, maxInFlight: 1 });
  const { app } = h.bot.slackApp;
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    reachedBolt += 1;
    return processEvent(event);
  };
});
afterAll(() => h.close());

/** `/mentorship pair` with views.open held for 1.5 s: the one request in flight, until drained(). */
async function occupy(): Promise<void> {
  h.standIn.failNext('views.open', { hangMs: 1500 });
  expect((await h.driver.command(USERS.mentor.id, 'pair')).status).toBe(200);
  await eventually(() => h.standIn.calls.some((call) => call.method === 'views.open' && call.error === 'pending'));
}

async function drained(): Promise<void> {
  await eventually(() => !h.standIn.calls.some((call) => call.error === 'pending'), 5000);
  await settled(h.standIn.calls, 100);
  await h.bot.idle();
}

/** A button pressed in a DM message, as Slack posts it. */
function pressInMessage(userId: string): Promise<{ status: number; text: string }> {
  const channel = `D${userId}`;
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: 'someone', name: 'someone', team_id: h.standIn.teamId },
    api_app_id: 'A0001',
    token: 'unused-verification-token',
    team: { id: h.standIn.teamId, domain: 'mentorship-dev' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: false },
    trigger_id: h.standIn.issueTriggerId(userId),
    channel: { id: channel, name: 'directmessage' },
    message: { type: 'message', ts: '1700000000.000100', text: 'A message with a button', blocks: [] },
    state: { values: {} },
    response_url: h.standIn.issueResponseUrl(userId, channel, { ts: '1700000000.000100' }),
    actions: [{ type: 'button', action_id: 'no_such_action', block_id: 'b1', value: 'x', action_ts: '1700000001.000200' }],
  };
  return h.driver.sendRaw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: FORM });
}

describe('turned away before Bolt reads the request', () => {
  it('answers a command "busy" without handing it to Bolt', async () => {
    await occupy();
    const before = reachedBolt;
    const response = await h.driver.command(USERS.stranger.id, 'help');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_type: 'ephemeral', text: `:hourglass: ${BUSY_TEXT}` });
    expect(reachedBolt).toBe(before);
    await drained();
  });

  it('keeps a submitted modal open with the note on its first input, without handing it to Bolt', async () => {
    await h.driver.command(USERS.other.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.other.id));
    await drained();
    await occupy();
    const before = reachedBolt;
    const response = await sendViewSubmission(h, USERS.other.id, view, {});
    expect(response.json).toEqual({ response_action: 'errors', errors: { [PairModal.blocks.mentor]: BUSY_FORM_TEXT } });
    expect(h.standIn.applyViewAck(USERS.other.id, view.id, response.json)).toMatchObject({ ok: true, action: 'errors' });
    expect(reachedBolt).toBe(before);
    await drained();
  });

  it('acknowledges a button pressed in a message and tells the person privately, through its response_url', async () => {
    await occupy();
    const before = reachedBolt;
    const response = await pressInMessage(USERS.stranger.id);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const note = await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).find((message) => message.text?.includes(BUSY_TEXT)));
    expect(note.text).toBe(`:hourglass: ${BUSY_TEXT}`);
    expect(reachedBolt).toBe(before);
    await drained();
  });

  it('leaves a form with a wrong signature to Bolt, which refuses it as always', async () => {
    await occupy();
    const before = reachedBolt;
    const body = new URLSearchParams({ command: '/mentorship', text: 'help', team_id: h.standIn.teamId, user_id: USERS.stranger.id });
    const forged = await h.driver.sendRaw(body.toString(), { contentType: FORM, sign: { secret: 'not-the-signing-secret' } });
    expect(forged.status).toBe(401);
    expect(forged.text).toBe('');
    expect(reachedBolt).toBe(before);
    await drained();
  });

  it('refuses a body over Bolt’s 4 MB limit with 413, as Bolt does', async () => {
    await occupy();
    const body = new URLSearchParams({ command: '/mentorship', text: 'x'.repeat(4 * 1024 * 1024), user_id: USERS.stranger.id });
    const tooLarge = await h.driver.sendRaw(body.toString(), { contentType: FORM });
    expect(tooLarge.status).toBe(413);
    await drained();
  });

  it('hands events to Bolt, which acknowledges them whatever happens next', async () => {
    await occupy();
    const before = reachedBolt;
    const response = await h.driver.appHomeOpened(USERS.mentee.id);
    expect(response.status).toBe(200);
    expect(reachedBolt).toBe(before + 1);
    await drained();
  });

  it('takes requests through Bolt again once the load has passed', async () => {
    await drained();
    const before = reachedBolt;
    const response = await h.driver.command(USERS.stranger.id, 'help');
    expect(JSON.stringify(response.json)).toContain('/mentorship pair');
    expect(reachedBolt).toBe(before + 1);
    expect(logs.errors()).toEqual([]);
  });
});
