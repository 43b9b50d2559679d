import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { planReminders } from '../../../src/domain/reminders/plan';
import { createTestDb } from '../../support/test-db';
import { AFTER_END, at, RACE_TOKEN, replicaScheduler, seedPairs, startReplica, type Replica } from './replicas';

/** Slack's budget is per workspace: 5 posts/s with bursts of 10 here (the defaults). */
const SLACK_BUDGET = { rate: { perSecond: 5, burst: 10 }, batchSize: 10 };
const BIG = 'T0BIGWS';
const SMALL = 'T0SMALL';

let db: Db & { url?: string };
let standIn: SlackStandIn;
const replicas: Replica[] = [];

beforeAll(async () => {
  db = await createTestDb();
  standIn = await SlackStandIn.start({ botToken: RACE_TOKEN, teamId: BIG });
});
afterAll(async () => {
  for (const replica of replicas) await replica.db.close();
  await standIn.stop();
  await db.close();
});
beforeEach(async () => {
  await sql`truncate workspaces cascade`.execute(db.kysely);
  standIn.reset();
});

/** Only the 42 thanks prompts due at the end of the meetings are left to send. */
async function planOnlyThanks(): Promise<void> {
  await planReminders(db.kysely, AFTER_END);
  await sql`update outbox set state = 'cancelled' where kind <> 'thanks'`.execute(db.kysely);
}

const sentBy = async (team: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from outbox where team_id = ${team} and state = 'sent'`.execute(db.kysely)).rows[0]!.n);

it('keeps one workspace’s backlog from starving another, and each within its own budget', async () => {
  await seedPairs(db.kysely, standIn, 20, BIG);
  await seedPairs(db.kysely, standIn, 1, SMALL);
  const scheduler = replicaScheduler(db.kysely, standIn, 'fair', SLACK_BUDGET);
  await planOnlyThanks();
  // The big workspace's 40 prompts have waited longest.
  await sql`update outbox set next_attempt_at = next_attempt_at - interval '10 minutes' where team_id = ${BIG}`.execute(db.kysely);

  await scheduler.runPass(at(AFTER_END)); // a frozen clock: no token comes back during the pass
  expect(await sentBy(SMALL)).toBe(2);
  expect(await sentBy(BIG)).toBe(10);

  await scheduler.runPass(at(AFTER_END, 1_000)); // one second later: 5 new tokens for each workspace
  expect(await sentBy(BIG)).toBe(15);
});

const describePg = process.env.DATABASE_URL ? describe : describe.skip;
describePg(`replicas (${process.env.DATABASE_URL ? 'PostgreSQL' : 'needs DATABASE_URL: several connection pools on one database'})`, () => {
  it('share one workspace budget: three replicas at once send no more than the burst', async () => {
    await seedPairs(db.kysely, standIn, 20, BIG);
    const three = await Promise.all(['a', 'b', 'c'].map((name) => startReplica(db.url!, standIn, name, { ...SLACK_BUDGET, batchSize: 4 })));
    replicas.push(...three);
    await planOnlyThanks();
    await Promise.all(three.map((replica) => replica.scheduler.runPass(at(AFTER_END))));
    expect(await sentBy(BIG)).toBe(10);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(10);
  });
});
