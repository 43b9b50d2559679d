/**
 * Slack re-delivers an Events API event (same event_id, X-Slack-Retry-Num 1..3) when it did not see
 * our 200 in time, and replicas may each receive a copy. Each event reaches the listeners once.
 */
import { sql } from 'kysely';
import { type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { eventually } from '../support/wait';

const logs = captureLogs();
let h: Harness;
const seen: string[] = [];

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
  // Test-only listener: the Home feature registers the real one; this one counts what got through.
  h.bot.slackApp.app.event('app_home_opened', async ({ body }) => {
    seen.push((body as { event_id: string }).event_id);
  });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  seen.length = 0;
});

const storedIds = async (): Promise<string[]> =>
  (await sql<{ event_id: string }>`select event_id from processed_events order by event_id`.execute(h.db.kysely)).rows.map((r) => r.event_id);

const homeEvent = (userId: string) => ({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: '1700000000.000100' });

describe('Events API retries', () => {
  it('handles an event once however often Slack retries it', async () => {
    const first = await h.driver.event(homeEvent(USERS.mentee.id), { eventId: 'EvRETRY1' });
    expect(first.status).toBe(200);
    for (const retryNum of [1, 2, 3]) {
      const retry = await h.driver.event(homeEvent(USERS.mentee.id), { eventId: 'EvRETRY1', retryNum, retryReason: 'http_timeout' });
      expect(retry.status).toBe(200);
    }
    await eventually(() => seen.length >= 1);
    await h.settle();
    expect(seen).toEqual(['EvRETRY1']);
    expect(await storedIds()).toContain('EvRETRY1');
    expect(logs.lines.filter((l) => l.msg === 'duplicate event skipped')).toHaveLength(3);
  });

  it('handles a retry that arrives before any first delivery (the first was lost)', async () => {
    await h.driver.event(homeEvent(USERS.mentor.id), { eventId: 'EvLOSTFIRST', retryNum: 1, retryReason: 'http_error' });
    await eventually(() => seen.length === 1);
    expect(seen).toEqual(['EvLOSTFIRST']);
  });

  it('lets exactly one of several simultaneous copies through (two replicas, one database)', async () => {
    await Promise.all([0, 1, 2, 3, 4].map((n) => h.driver.event(homeEvent(USERS.other.id), { eventId: 'EvRACE', ...(n > 0 ? { retryNum: n } : {}) })));
    await eventually(() => seen.length >= 1);
    await h.settle();
    expect(seen).toEqual(['EvRACE']);
  });

  it('handles different events from the same person separately', async () => {
    await h.driver.event(homeEvent(USERS.stranger.id), { eventId: 'EvA' });
    await h.driver.event(homeEvent(USERS.stranger.id), { eventId: 'EvB' });
    await eventually(() => seen.length === 2);
    expect(seen.sort()).toEqual(['EvA', 'EvB']);
  });

  it('keeps the ids for the retention period; a scheduler pass forgets older ones, never on the request path', async () => {
    await sql`insert into processed_events (event_id, team_id, received_at) values ('EvOLD', 'T0TEST', now() - interval '31 days'), ('EvRECENT', 'T0TEST', now() - interval '29 days')`.execute(
      h.db.kysely,
    );
    await h.driver.event(homeEvent(USERS.mentee.id), { eventId: 'EvAFTER1' });
    await eventually(() => seen.length === 1);
    expect(await storedIds()).toContain('EvOLD');

    const report = await h.bot.scheduler.runPass(h.clock.now);
    expect(report?.housekeeping?.events).toBeGreaterThanOrEqual(1);
    const ids = await storedIds();
    expect(ids).not.toContain('EvOLD');
    expect(ids).toEqual(expect.arrayContaining(['EvRECENT', 'EvAFTER1']));
  });

  it('logged nothing at error level', () => {
    expect(logs.errors()).toEqual([]);
  });
});
