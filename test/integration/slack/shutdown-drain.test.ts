import { sql } from 'kysely';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { captureLogs } from '../../support/log-capture';
import { postDmWithButton } from '../practice/practice-fixtures';

/**
 * A button is acknowledged before its work runs. Stopping the app (SIGTERM during a deploy) takes no
 * new request, then waits for the acknowledged ones to finish before the caller closes the database.
 */
const logs = captureLogs('warn');
let h: Harness;
const done: string[] = [];
// The slow work goes on only once shutdown has begun, so the test never depends on how fast the machine is.
let releaseSlowWork: () => void = () => undefined;
const slowWorkReleased = new Promise<void>((resolve) => (releaseSlowWork = resolve));

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger, drainMs: 1_500 });
  // Test-only listeners: ack at once, then work for a while, then write to the database.
  h.bot.slackApp.app.action('test_slow_work', async ({ ack, action }) => {
    await ack();
    await slowWorkReleased;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const value = (action as { value: string }).value;
    await sql`insert into processed_events (event_id, team_id) values (${value}, ${TEAM_ID})`.execute(h.db.kysely);
    done.push(value);
  });
  h.bot.slackApp.app.action('test_endless_work', async ({ ack }) => {
    await ack();
    await new Promise(() => undefined);
  });
});
afterAll(() => h.close());

it('waits for acknowledged work to finish before stop() returns, within its bound, then takes no more requests', async () => {
  const slow = await postDmWithButton(h, USERS.mentee.id, 'test_slow_work', 'press-during-deploy');
  const endless = await postDmWithButton(h, USERS.mentor.id, 'test_endless_work', 'never');
  expect((await h.driver.clickInMessage(USERS.mentee.id, slow, 'test_slow_work')).status).toBe(200);
  expect((await h.driver.clickInMessage(USERS.mentor.id, endless, 'test_endless_work')).status).toBe(200);
  expect(done).toEqual([]);

  const started = Date.now();
  const stopping = h.bot.slackApp.stop();
  releaseSlowWork();
  await stopping;
  // The press was saved before stop() returned, while the database was still open...
  expect(done).toEqual(['press-during-deploy']);
  const saved = await sql<{ event_id: string }>`select event_id from processed_events where event_id = 'press-during-deploy'`.execute(h.db.kysely);
  expect(saved.rows).toHaveLength(1);
  // ...and work that never ends holds shutdown up for the drain bound only.
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(logs.lines.some((line) => line.msg === 'requests still running at shutdown; going on without them')).toBe(true);

  await expect(h.driver.clickInMessage(USERS.mentee.id, slow, 'test_slow_work')).rejects.toThrow();
  await h.bot.slackApp.stop(); // safe to call twice
});
