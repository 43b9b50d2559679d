/**
 * Requests that Slack did not sign, or did not sign like this, get 401 before any of the bot's code
 * runs: nothing is read or written in the database and nothing is sent to Slack. Each attack is tried
 * on a command that would open a modal, a view submission that would create a pair, and an event;
 * each of those requests, signed properly afterwards, does its work (so the 401s are not an accident).
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { dmId } from '../../src/devtools/slack-stand-in';
import { signRequest } from '../../src/devtools/slack-driver/sign';
import { PairModal } from '../../src/slack/ids';
import { snapshotDb } from '../support/db-snapshot';
import { CHANNELS, type Harness, SIGNING_SECRET, startHarness, TEAM_ID, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { eventually } from '../support/wait';

const FORM = 'application/x-www-form-urlencoded';
const { blocks: b } = PairModal;
const logs = captureLogs();
let h: Harness;
let homeOpened = 0;

beforeAll(async () => {
  // Requests signed minutes ago are turned away for their age; a bound far above what a busy test
  // machine delays a fresh request keeps the others from being turned away too.
  h = await startHarness({ logger: logs.logger, maxRequestAgeMs: 10_000 });
  // Test-only listener: counts events that got past the receiver and the middleware.
  h.bot.slackApp.app.event('app_home_opened', async () => {
    homeOpened += 1;
  });
});
afterAll(() => h.close());

interface Unsigned {
  name: string;
  body: string;
  contentType: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function commandBody(text: string): Unsigned {
  const user = USERS.mentor.id;
  const body = new URLSearchParams({
    token: 'unused',
    team_id: TEAM_ID,
    team_domain: 'mentorship-dev',
    channel_id: dmId(user),
    channel_name: 'directmessage',
    user_id: user,
    user_name: USERS.mentor.name,
    command: '/mentorship',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: h.standIn.issueResponseUrl(user, dmId(user)),
    trigger_id: h.standIn.issueTriggerId(user),
  }).toString();
  return { name: `/mentorship ${text}`, body, contentType: FORM };
}

async function pairSubmissionBody(): Promise<Unsigned> {
  await h.driver.command(USERS.mentor.id, 'pair');
  const view = await eventually(() => h.standIn.topView(USERS.mentor.id));
  const values = {
    [b.mentor]: { [PairModal.actions.mentor]: { type: 'users_select', selected_user: USERS.mentor.id } },
    [b.mentee]: { [PairModal.actions.mentee]: { type: 'users_select', selected_user: USERS.mentee.id } },
    [b.channel]: { [PairModal.actions.channel]: { type: 'conversations_select', selected_conversation: CHANNELS.goals.id } },
    [b.cadence]: { [PairModal.actions.cadence]: { type: 'static_select', selected_option: { value: 'weekly' } } },
    [b.firstDate]: { [PairModal.actions.firstDate]: { type: 'datepicker', selected_date: '2026-12-01' } },
    [b.firstTime]: { [PairModal.actions.firstTime]: { type: 'timepicker', selected_time: '10:00' } },
    [b.duration]: { [PairModal.actions.duration]: { type: 'static_select', selected_option: { value: '45' } } },
    [b.timeZone]: { [PairModal.actions.timeZone]: { type: 'plain_text_input', value: 'Europe/Berlin' } },
    [b.length]: { [PairModal.actions.length]: { type: 'static_select', selected_option: { value: '6' } } },
  };
  const payload = {
    type: 'view_submission',
    team: { id: TEAM_ID },
    user: { id: USERS.mentor.id, name: USERS.mentor.name, team_id: TEAM_ID },
    api_app_id: 'A0001',
    trigger_id: h.standIn.issueTriggerId(USERS.mentor.id),
    view: { ...view, state: { values } },
    response_urls: [],
  };
  return { name: 'pair view submission', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

function eventBody(): Unsigned {
  const body = JSON.stringify({
    token: 'unused',
    team_id: TEAM_ID,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex')}`,
    event_time: nowSeconds(),
    event: { type: 'app_home_opened', user: USERS.mentee.id, channel: dmId(USERS.mentee.id), tab: 'home', event_ts: '1.2' },
    authorizations: [{ team_id: TEAM_ID, user_id: 'UBOT', is_bot: true }],
  });
  return { name: 'app_home_opened event', body, contentType: 'application/json' };
}

type Attack = [string, (request: Unsigned) => { body: string; headers: Record<string, string> }];

const ATTACKS: Attack[] = [
  ['no signature headers at all', (r) => ({ body: r.body, headers: {} })],
  ['a timestamp but no signature', (r) => ({ body: r.body, headers: { 'x-slack-request-timestamp': String(nowSeconds()) } })],
  ['a signature but no timestamp', (r) => ({ body: r.body, headers: { 'x-slack-signature': signRequest(SIGNING_SECRET, r.body)['x-slack-signature'] } })],
  ['a signature forged with another secret', (r) => ({ body: r.body, headers: { ...signRequest('not-the-secret', r.body) } })],
  ['an empty v0 signature', (r) => ({ body: r.body, headers: { 'x-slack-request-timestamp': String(nowSeconds()), 'x-slack-signature': 'v0=' } })],
  [
    'a signature of another version',
    (r) => {
      const signed = signRequest(SIGNING_SECRET, r.body);
      return { body: r.body, headers: { ...signed, 'x-slack-signature': signed['x-slack-signature'].replace('v0=', 'v1=') } };
    },
  ],
  ['a stale timestamp (6 minutes old), correctly signed', (r) => ({ body: r.body, headers: { ...signRequest(SIGNING_SECRET, r.body, nowSeconds() - 360) } })],
  [
    'a future timestamp (6 minutes ahead), correctly signed',
    (r) => ({ body: r.body, headers: { ...signRequest(SIGNING_SECRET, r.body, nowSeconds() + 360) } }),
  ],
  ['a timestamp that is not a number', (r) => ({ body: r.body, headers: { ...signRequest(SIGNING_SECRET, r.body), 'x-slack-request-timestamp': '1e10' } })],
  [
    'a body altered after signing (someone else as the user)',
    (r) => ({
      body: r.body.replaceAll(USERS.mentor.id, USERS.stranger.id).replaceAll(USERS.mentee.id, USERS.other.id),
      headers: { ...signRequest(SIGNING_SECRET, r.body) },
    }),
  ],
  ['a body altered after signing (one byte appended)', (r) => ({ body: `${r.body} `, headers: { ...signRequest(SIGNING_SECRET, r.body) } })],
  ['the signature of a different request', (r) => ({ body: r.body, headers: { ...signRequest(SIGNING_SECRET, `${r.body}&x=1`) } })],
];

async function post(request: Unsigned, attack: { body: string; headers: Record<string, string> }) {
  const response = await fetch(h.bot.eventsUrl, { method: 'POST', headers: { 'content-type': request.contentType, ...attack.headers }, body: attack.body });
  return { status: response.status, text: await response.text() };
}

describe.each([
  ['/mentorship pair', async () => commandBody('pair')],
  ['a pair view submission', pairSubmissionBody],
  ['an app_home_opened event', async () => eventBody()],
])('%s', (_name, build) => {
  let request: Unsigned;
  beforeAll(async () => {
    request = await build();
    await h.settle();
  });

  it.each(ATTACKS)('with %s gets 401, and the database and Slack see nothing', async (_attack, forge) => {
    const before = await snapshotDb(h.db);
    h.standIn.reset();
    const homeBefore = homeOpened;
    const response = await post(request, forge(request));
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    await h.settle();
    expect(h.standIn.calls).toEqual([]);
    expect(homeOpened).toBe(homeBefore);
    expect(await snapshotDb(h.db)).toEqual(before);
  });

  it('signed by Slack within the window, it is handled (the 401s above are the signature, not the request)', async () => {
    const before = await snapshotDb(h.db);
    const homeBefore = homeOpened;
    h.standIn.reset();
    const response = await post(request, { body: request.body, headers: { ...signRequest(SIGNING_SECRET, request.body) } });
    expect(response.status).toBe(200);
    await h.settle();
    const changed = JSON.stringify(await snapshotDb(h.db)) !== JSON.stringify(before);
    expect(h.standIn.calls.length > 0 || changed || homeOpened > homeBefore).toBe(true);
  });
});

describe('the timestamp window', () => {
  it('accepts a request signed 4 minutes ahead (clocks drift)', async () => {
    const request = commandBody('help');
    const response = await post(request, { body: request.body, headers: { ...signRequest(SIGNING_SECRET, request.body, nowSeconds() + 240) } });
    expect(response.status).toBe(200);
    expect(response.text).toContain('/mentorship pair');
  });

  it('accepts the signature of a request signed 4 minutes ago, but does no work for it: Slack stopped waiting after 3 s', async () => {
    // What "just signed" means here comes from the fresh requests of the last minute (this host's
    // clock may be off Slack's); without any, the age is not used (see test/unit/slack/middleware).
    const fresh = commandBody('help');
    expect((await post(fresh, { body: fresh.body, headers: { ...signRequest(SIGNING_SECRET, fresh.body) } })).status).toBe(200);
    const before = await snapshotDb(h.db);
    h.standIn.reset();
    const request = commandBody('pair');
    const response = await post(request, { body: request.body, headers: { ...signRequest(SIGNING_SECRET, request.body, nowSeconds() - 240) } });
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/busy right now/);
    await h.settle();
    expect(h.standIn.calls).toEqual([]);
    expect(await snapshotDb(h.db)).toEqual(before);
  });

  it.each(['/slack/./events', '/x/../slack/events', '/slack/events?retry=1'])(
    'refuses a future timestamp on %s too, the path Bolt routes to the Slack endpoint',
    async (path) => {
      const before = await snapshotDb(h.db);
      h.standIn.reset();
      const request = commandBody('pair');
      const headers = { 'content-type': request.contentType, ...signRequest(SIGNING_SECRET, request.body, nowSeconds() + 360) };
      // node:http sends the path as written (fetch would normalise it first, as Bolt does on arrival).
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: new URL(h.bot.baseUrl).port, method: 'POST', path, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(request.body);
      });
      expect(status).toBe(401);
      await h.settle();
      expect(h.standIn.calls).toEqual([]);
      expect(await snapshotDb(h.db)).toEqual(before);
    },
  );

  it('applies to the Slack endpoint only: GET /healthz needs no signature', async () => {
    const response = await fetch(`${h.bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('logged nothing at error level while refusing all of the above', () => {
    expect(logs.errors()).toEqual([]);
  });
});
