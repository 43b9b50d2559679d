import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { blockWorkspace, refundTokens, reserveTokens } from '../../../src/scheduler/limits.repository';
import { createTestDb } from '../../support/test-db';

/**
 * A workspace's send budget, shared by every replica: one token bucket row, taken from in one
 * statement. It must grant no more than the bucket holds, refill at its rate, honour a Retry-After
 * block, and never mint tokens for a replica whose clock lags.
 */
const LIMIT = { perSecond: 5, burst: 5 };
const TEAM = 'T0BUCKET';
const T0 = new Date('2026-12-03T10:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

let db: Db & { url?: string };
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  await sql`truncate workspaces cascade`.execute(db.kysely);
  await sql`insert into workspaces (team_id, name) values (${TEAM}, 'Bucket')`.execute(db.kysely);
});

const stored = async () => await db.kysely.selectFrom('slack_rate_buckets').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();

it('starts a workspace with a full bucket, grants no more than it holds and says when the next token comes', async () => {
  expect(await reserveTokens(db.kysely, TEAM, 8, LIMIT, T0)).toEqual({ granted: 5, waitMs: 200 });
  expect(await reserveTokens(db.kysely, TEAM, 1, LIMIT, T0)).toEqual({ granted: 0, waitMs: 200 });
  // 0.5 s later: 2.5 tokens refilled; 2 granted, half a token left, the next one in 100 ms.
  expect(await reserveTokens(db.kysely, TEAM, 3, LIMIT, after(500))).toEqual({ granted: 2, waitMs: 100 });
  expect(await reserveTokens(db.kysely, TEAM, 10, LIMIT, after(60_000))).toEqual({ granted: 5, waitMs: 200 });
  expect(await reserveTokens(db.kysely, TEAM, 2, LIMIT, after(61_000))).toEqual({ granted: 2, waitMs: 0 });
});

it("grants nothing while a 429's Retry-After blocks the workspace, leaves the block as it is, and refills from its end", async () => {
  await reserveTokens(db.kysely, TEAM, 1, LIMIT, T0);
  await blockWorkspace(db.kysely, TEAM, after(3_000));
  const blocked = await stored();
  expect(await reserveTokens(db.kysely, TEAM, 1, LIMIT, after(1_000))).toEqual({ granted: 0, waitMs: 2_000 });
  expect(await stored()).toEqual(blocked);
  expect(await reserveTokens(db.kysely, TEAM, 5, LIMIT, after(3_400))).toEqual({ granted: 2, waitMs: 200 });
  expect((await stored()).blocked_until).toBeNull();
});

it('mints nothing for a replica whose clock is behind the last refill, and takes refunds back up to the burst', async () => {
  await reserveTokens(db.kysely, TEAM, 5, LIMIT, after(10_000));
  expect(await reserveTokens(db.kysely, TEAM, 1, LIMIT, after(9_000))).toEqual({ granted: 0, waitMs: 200 });
  expect((await stored()).refilled_at).toEqual(after(10_000));
  await refundTokens(db.kysely, TEAM, 3, LIMIT);
  expect(await reserveTokens(db.kysely, TEAM, 5, LIMIT, after(10_000))).toEqual({ granted: 3, waitMs: 200 });
});

it('never grants more than the bucket holds to many reservations at once (each its own connection on PostgreSQL)', async () => {
  const granted = async (at: Date) => {
    const grants = await Promise.all(Array.from({ length: 20 }, () => reserveTokens(db.kysely, TEAM, 1, LIMIT, at)));
    return grants.reduce((sum, grant) => sum + grant.granted, 0);
  };
  // The first ones race to create the bucket; a second later they race for its refill.
  expect(await granted(T0)).toBe(5);
  expect(await granted(after(1_000))).toBe(5);
  expect((await stored()).tokens).toBe(0);
});
