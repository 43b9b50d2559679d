import { LogLevel, WebClient } from '@slack/web-api';
import { classifySlackError } from '../../../src/scheduler/classify';
import { INTERACTIVE_CLIENT_OPTIONS } from '../../../src/slack/client-options';
import { slackFailure } from '../../../src/slack/slack-failure';
import { asJson } from '../../../src/slack/web-api-json';
import { answerJson, useBareWebApi } from '../../support/bare-web-api';
import { webApiFetch, withViewOutline } from '../../../src/slack/web-api-transport';

/**
 * The Web API clients' transport (undici's request instead of fetch) must look to the Web API client
 * exactly like fetch does: what is sent, what comes back, and how 429s, other statuses, timeouts and
 * dropped connections surface, since the bot's replies and the scheduler's "maybe posted" decisions
 * depend on those errors.
 */
const api = useBareWebApi();
const { seen } = api;

// The client's own warnings about the failures provoked here would only clutter the test output.
const client = (timeout = 5_000) => new WebClient('xoxb-test', { ...INTERACTIVE_CLIENT_OPTIONS, slackApiUrl: api.apiUrl, timeout, logLevel: LogLevel.ERROR });

it('is the transport of the interactive clients', () => {
  expect(INTERACTIVE_CLIENT_OPTIONS.fetch).toBe(webApiFetch);
});

it("sends the client's method, headers and body, and gives back the status, headers and text", async () => {
  api.answer = (_request, _body, response) =>
    answerJson(response, 200, { ok: true, view: { id: 'V1' }, note: 'héllo' }, { 'x-oauth-scopes': 'chat:write,commands' });
  const result = await client().views.open({ trigger_id: '1.2.3', view: { type: 'modal', title: { type: 'plain_text', text: 'Agenda' }, blocks: [] } });
  expect(result).toMatchObject({ ok: true, view: { id: 'V1' }, note: 'héllo', response_metadata: { scopes: ['chat:write', 'commands'] } });
  expect(seen[0]!.url).toBe('/api/views.open');
  expect(seen[0]!.headers.authorization).toBe('Bearer xoxb-test');
  expect(JSON.parse(new URLSearchParams(seen[0]!.body).get('view')!)).toMatchObject({ title: { text: 'Agenda' } });
  const raw = await webApiFetch(`${api.apiUrl}api.test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect([raw.status, raw.ok, raw.statusText, raw.headers.get('content-type')]).toEqual([200, true, 'OK', 'application/json; charset=utf-8']);
  expect(await raw.json()).toMatchObject({ ok: true });
});

it('sends a view and blocks handed over as JSON text exactly as it sends them as objects', async () => {
  api.answer = (_request, _body, response) => answerJson(response, 200, { ok: true });
  const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Agenda · "été"' }, blocks: [{ type: 'divider' as const }] };
  const blocks = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Goal* <@U1> & 100%' } }];
  await client().views.open({ trigger_id: '1.2.3', view });
  await client().views.open({ trigger_id: '1.2.3', view: asJson(view) });
  await client().chat.postMessage({ channel: 'C1', text: 'Goal', blocks });
  await client().chat.postMessage({ channel: 'C1', text: 'Goal', blocks: asJson(blocks) });
  expect(seen).toHaveLength(4);
  expect(seen[1]!.body).toBe(seen[0]!.body);
  expect(seen[3]!.body).toBe(seen[2]!.body);
  expect(JSON.parse(new URLSearchParams(seen[1]!.body).get('view')!)).toEqual(view);
  expect(asJson(undefined)).toBeUndefined();
});

it("gives back a views call's view as its ids and hash only, and every other answer as Slack sent it", async () => {
  const outline = {
    id: 'V1',
    team_id: 'T1',
    type: 'modal',
    callback_id: 'agenda_save',
    hash: '1.abc',
    root_view_id: 'V1',
    previous_view_id: null,
    app_id: 'A1',
    bot_id: 'B1',
  };
  const full = {
    ...outline,
    private_metadata: '{"pairId":"p"}',
    title: { type: 'plain_text', text: 'Agenda' },
    blocks: [{ type: 'divider' }],
    state: { values: {} },
  };
  api.answer = (request, _body, response) =>
    request.url === '/api/chat.postMessage'
      ? answerJson(response, 200, { ok: true, ts: '1.2', message: { ts: '1.2', blocks: [{ type: 'divider' }] } })
      : request.url === '/api/views.update'
        ? answerJson(response, 200, { ok: false, error: 'hash_conflict', view: full })
        : answerJson(response, 200, { ok: true, view: full }, { 'x-oauth-scopes': 'commands' });
  const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Agenda' }, blocks: [] };
  const opened = await client().views.open({ trigger_id: '1.2.3', view: modal });
  expect(opened.view).toEqual(outline);
  expect(opened.response_metadata?.scopes).toEqual(['commands']);
  const published = await client().views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
  expect(published.view).not.toHaveProperty('blocks');
  // Not ok: the whole answer, for whoever reads the error.
  const refused = await client()
    .views.update({ view_id: 'V1', hash: 'old', view: modal })
    .catch((e: { data: { view: unknown } }) => e.data);
  expect(refused.view).toEqual(full);
  // Not a views call: untouched.
  const posted = await client().chat.postMessage({ channel: 'C1', text: 'x' });
  expect(posted.message).toEqual({ ts: '1.2', blocks: [{ type: 'divider' }] });
  // Not JSON: as it came.
  expect(withViewOutline(Buffer.from('<html>'))).toEqual(Buffer.from('<html>'));
});

it("surfaces Slack's errors, a 429 with its Retry-After and other statuses as the Web API client's own errors", async () => {
  api.answer = (_request, _body, response) => answerJson(response, 200, { ok: false, error: 'expired_trigger_id' });
  expect(
    slackFailure(
      await client()
        .views.open({ trigger_id: 'old', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } })
        .catch((e: unknown) => e),
    ),
  ).toBe('trigger_expired');
  api.answer = (_request, _body, response) => answerJson(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
  const limited = (await client()
    .chat.postMessage({ channel: 'D1', text: 'hi' })
    .catch((e: unknown) => e)) as { code: string; retryAfter: number };
  expect([limited.code, limited.retryAfter]).toEqual(['slack_webapi_rate_limited_error', 7]);
  api.answer = (_request, _body, response) => answerJson(response, 503, { ok: false });
  const unavailable = (await client()
    .chat.postMessage({ channel: 'D1', text: 'hi' })
    .catch((e: unknown) => e)) as { code: string; statusCode: number };
  expect([unavailable.code, unavailable.statusCode]).toEqual(['slack_webapi_http_error', 503]);
});

it('times out as fetch does, and a dropped connection counts as maybe posted', async () => {
  api.answer = () => undefined; // never answers
  const late = await client(200)
    .chat.postMessage({ channel: 'D1', text: 'hi' })
    .catch((e: unknown) => e);
  expect(slackFailure(late)).toBe('timeout');
  expect(classifySlackError(late)).toEqual({ kind: 'unknown', code: 'timeout' });
  api.answer = (request) => request.socket.destroy();
  const dropped = await client()
    .chat.postMessage({ channel: 'D1', text: 'hi' })
    .catch((e: unknown) => e);
  expect(slackFailure(dropped)).toBe('unavailable');
  expect(classifySlackError(dropped)).toMatchObject({ kind: 'unknown', code: expect.stringMatching(/^request_error:/) });
});
