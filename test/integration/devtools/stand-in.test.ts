import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';

// Literal types so the objects satisfy @slack/types where they are passed to the real WebClient.
function txt(text: string): { type: 'plain_text'; text: string };
function txt<T extends 'plain_text' | 'mrkdwn'>(text: string, type: T): { type: T; text: string };
function txt(text: string, type: 'plain_text' | 'mrkdwn' = 'plain_text') {
  return { type, text };
}
const modal = {
  type: 'modal',
  callback_id: 'goal',
  title: txt('Goal'),
  submit: txt('Save'),
  blocks: [{ type: 'input', block_id: 'g', label: txt('Goal'), element: { type: 'plain_text_input', action_id: 'v' } }],
};

// The WebClient logs every failed call; these tests fail calls on purpose.
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** A platform error's code, or 'resolved' if the call succeeded. */
async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    const e = err as { data?: { error?: string }; code?: string };
    return e.data?.error ?? e.code ?? String(err);
  }
}

describe('SlackStandIn through a real WebClient', () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ botToken: 'xoxb-test', teamId: 'T0001', triggerTtlMs: 200 });
    standIn.addUser({ id: 'U1', name: 'ada', realName: 'Ada Lovelace', tz: 'Europe/London' });
    standIn.addChannel({ id: 'C1', name: 'mentors' });
    standIn.addChannel({ id: 'C2', name: 'elsewhere', botIsMember: false });
    client = new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet, rejectRateLimitedCalls: true });
  });
  afterAll(() => standIn.stop());
  beforeEach(() => standIn.reset());

  it('answers auth.test and users.info in Slack’s shape, and rejects a wrong token', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001' });
    const { user } = await client.users.info({ user: 'U1' });
    // Like Slack: the handle is not the display name, which stays empty until the person picks one.
    expect(user).toMatchObject({ id: 'U1', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London', is_bot: false, profile: { display_name: '' } });
    expect([0, 3600]).toContain(user?.tz_offset);
    expect(await errorOf(client.users.info({ user: 'U404' }))).toBe('user_not_found');
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
    expect(await errorOf(wrong.auth.test())).toBe('invalid_auth');
    expect(await errorOf(client.apiCall('nope.nothing'))).toBe('unknown_method');
  });

  it('takes a JSON body as Slack does: with the token in the Authorization header, and refuses one it cannot read', async () => {
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${standIn.apiUrl}chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body }).then(
        (response) => response.json() as Promise<{ ok: boolean; error?: string }>,
      );
    const token = { authorization: `Bearer xoxb-test` };
    expect(await post(JSON.stringify({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] }), token)).toMatchObject({ ok: true });
    expect(standIn.callsTo('chat.postMessage')[0]).toMatchObject({ encoding: 'json', args: { blocks: [{ type: 'divider' }] } });
    expect(await post('{"channel":"C1","text":', token)).toEqual({ ok: false, error: 'invalid_json' });
    expect(await post(JSON.stringify({ channel: 'C1', text: 'hi', token: 'xoxb-test' }), {})).toEqual({ ok: false, error: 'not_authed' });
    expect(standIn.messagesIn('C1')).toHaveLength(1);
  });

  it('opens a Socket Mode connection for its app-level token only, and lets that token call nothing else', async () => {
    standIn.openSocketMode('xapp-test', 'ws://127.0.0.1:9/socket');
    const app = new WebClient('xapp-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
    expect(await app.apps.connections.open()).toMatchObject({ ok: true, url: 'ws://127.0.0.1:9/socket' });
    expect(await errorOf(client.apps.connections.open())).toBe('not_allowed_token_type');
    expect(
      await errorOf(new WebClient('xapp-other', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet }).apps.connections.open()),
    ).toBe('invalid_auth');
    expect(await errorOf(app.chat.postMessage({ channel: 'C1', text: 'hi' }))).toBe('not_allowed_token_type');
    expect(standIn.messagesIn('C1')).toEqual([]);
  });

  it('posts, updates and lists messages newest first, metadata only when asked', async () => {
    const dm = await client.conversations.open({ users: 'U1' });
    expect(dm.channel?.id).toBe('DU1');
    const first = await client.chat.postMessage({ channel: 'U1', text: 'one', metadata: { event_type: 'pair', event_payload: { id: 1 } } });
    expect(first.channel).toBe('DU1');
    const second = await client.chat.postMessage({ channel: 'DU1', text: 'two', blocks: [{ type: 'section' as const, text: txt('two', 'mrkdwn') }] });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    await client.chat.update({ channel: 'DU1', ts: first.ts!, text: 'one, edited' });
    expect(await errorOf(client.chat.update({ channel: 'DU1', ts: '1.000001', text: 'x' }))).toBe('message_not_found');

    const plain = await client.conversations.history({ channel: 'DU1' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['two', 'one, edited']);
    expect(plain.messages?.[1]?.metadata).toBeUndefined();
    const withMeta = await client.conversations.history({ channel: 'DU1', include_all_metadata: true, limit: 1 });
    expect(withMeta.messages).toHaveLength(1);
    expect(withMeta.has_more).toBe(true);
    expect(standIn.dmsTo('U1').map((m) => m.text)).toEqual(['one, edited', 'two']);
    expect(standIn.dmsTo('U1')[1]?.blocks?.[0]?.block_id).toEqual(expect.any(String));
  });

  it('serves a channel’s history with metadata, from `oldest` on, a page at a time, and not a channel it cannot read', async () => {
    standIn.addChannel({ id: 'GSECRET', name: 'secret', isPrivate: true, botIsMember: false });
    const posted: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const m = await client.chat.postMessage({
        channel: 'C1',
        text: `m${n}`,
        metadata: { event_type: 'mentorship_reminder', event_payload: { reminder_id: `r${n}`, attempt: 1 } },
      });
      posted.push(m.ts!);
    }
    const since = await client.conversations.history({ channel: 'C1', oldest: posted[1], include_all_metadata: true, limit: 1 });
    expect(since.messages?.map((m) => m.text)).toEqual(['m4']);
    expect(since.messages?.[0]?.metadata).toEqual({ event_type: 'mentorship_reminder', event_payload: { reminder_id: 'r4', attempt: 1 } });
    expect(since.has_more).toBe(true);
    const next = await client.conversations.history({ channel: 'C1', oldest: posted[1], limit: 1, cursor: since.response_metadata!.next_cursor! });
    expect(next.messages?.map((m) => m.text)).toEqual(['m3']);
    expect(next.has_more).toBe(false);
    expect(next.response_metadata?.next_cursor).toBe('');
    const inclusive = await client.conversations.history({ channel: 'C1', oldest: posted[1], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m4', 'm3', 'm2']);
    expect(await errorOf(client.conversations.history({ channel: 'C2' }))).toBe('not_in_channel');
    expect(await errorOf(client.conversations.history({ channel: 'GSECRET' }))).toBe('channel_not_found');
    expect(await errorOf(client.conversations.history({ channel: 'C1', cursor: 'bm9wZQ==' }))).toBe('invalid_cursor');
  });

  it('refuses unknown channels, channels the bot is not in, and over-long text', async () => {
    expect(await errorOf(client.chat.postMessage({ channel: 'C999', text: 'x' }))).toBe('channel_not_found');
    expect(await errorOf(client.chat.postMessage({ channel: 'C2', text: 'x' }))).toBe('not_in_channel');
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'x'.repeat(40001) }))).toBe('msg_too_long');
    expect(await errorOf(client.conversations.open({ users: 'U404' }))).toBe('user_not_found');
    expect(standIn.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['channel_not_found', 'not_in_channel', 'msg_too_long']);
  });

  it('rejects invalid blocks with invalid_blocks and a json-pointer message', async () => {
    const err = await client.chat
      .postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'divider' as const }, { type: 'header' as const, text: txt('h'.repeat(151)) }] })
      .catch((e: { data: { error: string; response_metadata: { messages: string[] } } }) => e.data);
    expect(err).toMatchObject({
      error: 'invalid_blocks',
      response_metadata: { messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/1/text/text]'] },
    });
    expect(standIn.messagesIn('C1')).toEqual([]);
    expect(standIn.calls.at(-1)?.args.blocks).toHaveLength(2);
  });

  it('refuses a message whose button has an accessibility_label over 75 characters', async () => {
    const labelled = (label: string) => [
      { type: 'actions' as const, elements: [{ type: 'button' as const, action_id: 'done', text: txt('Done'), accessibility_label: label }] },
    ];
    const err = await client.chat
      .postMessage({ channel: 'C1', text: 'x', blocks: labelled('l'.repeat(76)) })
      .catch((e: { data: { error: string; response_metadata: { messages: string[] } } }) => e.data);
    expect(err).toMatchObject({
      error: 'invalid_blocks',
      response_metadata: { messages: ['[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/accessibility_label]'] },
    });
    expect(standIn.messagesIn('C1')).toEqual([]);
    await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: labelled('l'.repeat(75)) });
    expect(standIn.messagesIn('C1')).toHaveLength(1);
  });

  it('posts ephemerals only the target user sees', async () => {
    const res = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' });
    expect(res.message_ts).toEqual(expect.any(String));
    expect(standIn.ephemeralsFor('U1').map((m) => m.text)).toEqual(['psst']);
    expect(standIn.messagesIn('C1')).toEqual([]);
  });

  it('opens a modal with a fresh trigger, refuses reused and expired ones', async () => {
    const trigger = standIn.issueTriggerId('U1');
    const opened = await client.views.open({ trigger_id: trigger, view: modal as never });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      team_id: 'T0001',
      callback_id: 'goal',
      state: { values: {} },
      hash: expect.any(String),
    });
    expect(opened.view?.root_view_id).toBe(opened.view?.id);
    expect(standIn.topView('U1')?.id).toBe(opened.view?.id);
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal as never }))).toBe('exchanged_trigger_id');
    expect(await errorOf(client.views.open({ trigger_id: 'made.up', view: modal as never }))).toBe('invalid_trigger_id');
    const stale = standIn.issueTriggerId('U1');
    await new Promise((r) => setTimeout(r, 250));
    expect(await errorOf(client.views.open({ trigger_id: stale, view: modal as never }))).toBe('expired_trigger_id');
  });

  it('pushes up to three views, updates with hash checks, publishes Home', async () => {
    const { view } = await client.views.open({ trigger_id: standIn.issueTriggerId('U1'), view: modal as never });
    await client.views.push({ trigger_id: standIn.issueTriggerId('U1'), view: modal as never });
    await client.views.push({ trigger_id: standIn.issueTriggerId('U1'), view: modal as never });
    expect(await errorOf(client.views.push({ trigger_id: standIn.issueTriggerId('U1'), view: modal as never }))).toBe('push_limit_reached');
    expect(standIn.openViews('U1')).toHaveLength(3);

    const updated = await client.views.update({ view_id: view!.id!, hash: view!.hash!, view: { ...modal, title: txt('Renamed') } as never });
    expect(updated.view?.hash).not.toBe(view!.hash);
    expect(await errorOf(client.views.update({ view_id: view!.id!, hash: view!.hash!, view: modal as never }))).toBe('hash_conflict');
    expect(await errorOf(client.views.update({ view_id: 'V404', view: modal as never }))).toBe('not_found');
    const noSubmit = { ...modal, submit: undefined };
    expect(await errorOf(client.views.update({ view_id: view!.id!, view: noSubmit as never }))).toBe('invalid_arguments');

    const home = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    const again = await client.views.publish({ user_id: 'U1', hash: home.view!.hash!, view: { type: 'home', blocks: [] } });
    expect(again.view?.id).toBe(home.view?.id);
    expect(standIn.homeView('U1')?.blocks).toEqual([]);
  });

  it('surfaces a 429 with Retry-After', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    const err = (await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as { code: string; retryAfter: number };
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    expect(standIn.messagesIn('C1')).toEqual([]);
  });

  it('can fail with 500 after the message was posted (the ambiguous case)', async () => {
    standIn.failNext('chat.postMessage', { status: 500, afterApplying: true });
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'maybe' }))).toBe('slack_webapi_http_error');
    expect(standIn.messagesIn('C1').map((m) => m.text)).toEqual(['maybe']);
    expect(standIn.callsTo('chat.postMessage')[0]).toMatchObject({ ok: false, error: 'http_500' });
  });

  it('can answer with a platform error, hang, or drop the connection', async () => {
    standIn.setFaultPolicy((method, args) => (method === 'users.info' && args.user === 'U1' ? { error: 'fatal_error' } : undefined));
    expect(await errorOf(client.users.info({ user: 'U1' }))).toBe('fatal_error');
    standIn.setFaultPolicy(undefined);

    const impatient = new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet, timeout: 100 });
    standIn.failNext('chat.postMessage', { hangMs: 400 });
    expect(await errorOf(impatient.chat.postMessage({ channel: 'C1', text: 'lost' }))).toBe('slack_webapi_request_error');
    standIn.failNext('chat.postMessage', { dropConnection: true, afterApplying: true });
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'posted' }))).toBe('slack_webapi_request_error');
    await new Promise((r) => setTimeout(r, 450));
    expect(standIn.messagesIn('C1').map((m) => m.text)).toEqual(['posted']);
    expect(standIn.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['client_gone', 'connection_dropped']);
  });

  it('enforces per-channel rate limits when asked', async () => {
    standIn.enforceRateLimits({ perChannelPerSecond: 1, perWorkspacePerSecond: 5 });
    await client.chat.postMessage({ channel: 'C1', text: 'a' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'b' }))).toBe('slack_webapi_rate_limited_error');
    await client.chat.postMessage({ channel: 'DU1', text: 'c' });
    expect(standIn.rateLimitedCount).toBe(1);
  });

  it('keeps a separate workspace rate limit for each bot token it accepts', async () => {
    standIn.enforceRateLimits({ perChannelPerSecond: 10, perWorkspacePerSecond: 1 });
    standIn.addBotToken('xoxb-other', 'T0OTHER');
    const other = new WebClient('xoxb-other', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet, rejectRateLimitedCalls: true });
    await client.chat.postMessage({ channel: 'C1', text: 'first workspace' });
    await other.chat.postMessage({ channel: 'C1', text: 'second workspace' });
    expect(await errorOf(other.chat.postMessage({ channel: 'C1', text: 'second again' }))).toBe('slack_webapi_rate_limited_error');
    expect(await errorOf(new WebClient('xoxb-unknown', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: quiet }).auth.test())).toBe(
      'invalid_auth',
    );
    expect(standIn.rateLimitedCount).toBe(1);
  });

  it('records response_url posts as ephemeral or channel messages, at most 5 times', async () => {
    const url = standIn.issueResponseUrl('U1', 'C1');
    const post = (body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ text: 'only you' })).status).toBe(200);
    expect((await post({ text: 'everyone', response_type: 'in_channel' })).status).toBe(200);
    expect((await post({ text: 'bad', blocks: [{ type: 'nope' }] })).status).toBe(400);
    await post({ text: '4' });
    await post({ text: '5' });
    expect((await post({ text: '6' })).status).toBe(404);
    expect(standIn.ephemeralsFor('U1').map((m) => m.text)).toEqual(['only you', '4', '5']);
    expect(standIn.messagesIn('C1').map((m) => m.text)).toEqual(['everyone']);
  });
});
