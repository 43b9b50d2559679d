/**
 * Slack's signature cannot stop a captured request from being sent again within its five-minute
 * window (the timestamp and signature are still good). What protects the bot is that replays do
 * nothing new: state-changing submissions are idempotent, events are de-duplicated on event_id, and
 * a replayed command finds its trigger_id already used.
 */
import { sql } from 'kysely';
import { PairModal } from '../../src/slack/ids';
import { snapshotDb } from '../support/db-snapshot';
import { CHANNELS, type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { capture, replay } from '../support/raw-slack';
import { eventually } from '../support/wait';

const { blocks: b } = PairModal;
const logs = captureLogs();
let h: Harness;
let homeOpened = 0;

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
  h.bot.slackApp.app.event('app_home_opened', async () => {
    homeOpened += 1;
  });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const countPairs = async (): Promise<number> => (await sql<{ n: number }>`select count(*)::int as n from pairs`.execute(h.db.kysely)).rows[0]?.n ?? -1;

describe('a replayed request, signed and inside the five-minute window', () => {
  it('a replayed pair submission creates no second pair and sends no second invitation', async () => {
    await h.driver.command(USERS.mentor.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.mentor.id));
    const { result, request } = await capture(h.bot.eventsUrl, () =>
      h.driver.submitView(USERS.mentor.id, view, {
        [b.mentor]: USERS.mentor.id,
        [b.mentee]: USERS.mentee.id,
        [b.channel]: CHANNELS.goals.id,
        [b.firstDate]: '2026-12-01',
        [b.timeZone]: 'Europe/Berlin',
      }),
    );
    expect(result.errors).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).length === 1);
    await h.settle();
    const posted = h.standIn.allMessages().length;
    const callsBefore = h.standIn.calls.length;
    const before = await snapshotDb(h.db);

    const again = await replay(request);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.text)).toMatchObject({ response_action: 'errors', errors: { [b.mentee]: expect.stringMatching(/already mentors/) } });
    await h.settle();
    expect(await countPairs()).toBe(1);
    expect(h.standIn.allMessages()).toHaveLength(posted);
    // Refused from the database alone: no users.info, nothing else asked of Slack.
    expect(h.standIn.calls.slice(callsBefore)).toEqual([]);
    expect(await snapshotDb(h.db)).toEqual(before);
  });

  it('a replayed event is handled once', async () => {
    const { result, request } = await capture(h.bot.eventsUrl, () => h.driver.appHomeOpened(USERS.mentee.id));
    expect(result.status).toBe(200);
    await eventually(() => homeOpened === 1);
    const again = await replay(request);
    expect(again.status).toBe(200);
    await h.settle();
    expect(homeOpened).toBe(1);
  });

  it('a replayed command opens nothing: its trigger_id was used, and the person is told to try again', async () => {
    const { request } = await capture(h.bot.eventsUrl, () => h.driver.command(USERS.stranger.id, 'pair'));
    await eventually(() => h.standIn.topView(USERS.stranger.id));
    await h.settle();
    const before = await snapshotDb(h.db);

    const again = await replay(request);
    expect(again.status).toBe(200);
    const told = await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id)[0]);
    expect(told.text).toMatch(/couldn't finish `\/mentorship pair`.*try again/);
    expect(h.standIn.callsTo('views.open').filter((call) => call.ok)).toHaveLength(1);
    expect(await snapshotDb(h.db)).toEqual(before);
  });

  it('the same request altered after capture is refused outright', async () => {
    const { request } = await capture(h.bot.eventsUrl, () => h.driver.command(USERS.stranger.id, 'help'));
    const altered = await replay(request, (body) => body.replace(USERS.stranger.id, USERS.mentor.id));
    expect(altered.status).toBe(401);
  });

  it('logged nothing at error level', () => {
    expect(logs.errors()).toEqual([]);
  });
});
