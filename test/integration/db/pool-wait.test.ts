import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { createTestDb, testDbKind } from '../../support/test-db';
import { eventually } from '../../support/wait';

/**
 * Load shedding reads how long the oldest query has waited for a connection (poolStats().oldestWaitMs):
 * it must grow while every connection is taken and fall back to 0 once the queue is served. PGlite has
 * one connection and no times on its queue (it reports 0; its queue length is watched instead).
 */
const onPostgres = testDbKind() === 'postgres' ? it : it.skip;
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

onPostgres('opens every connection of the pool ahead of traffic, and a query then waits for none', async () => {
  await db.warm!();
  expect(db.poolStats!()).toMatchObject({ total: 10, idle: 10, waiting: 0 });
  await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(db.kysely)));
  expect(db.poolStats!()).toMatchObject({ total: 10, idle: 10, waiting: 0, oldestWaitMs: 0 });
});

onPostgres('tells how long the oldest query has waited for a connection while all are taken, and 0 once served', async () => {
  expect(db.poolStats!().oldestWaitMs).toBe(0);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = 0;
  // The pool's ten connections, each held by a transaction that waits.
  const holders = Array.from({ length: 10 }, () =>
    db.kysely.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      holding += 1;
      await released;
    }),
  );
  await eventually(() => holding === 10);
  const waiting = sql<{ n: number }>`select 2 as n`.execute(db.kysely);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const stats = db.poolStats!();
  expect(stats.waiting).toBe(1);
  expect(stats.oldestWaitMs).toBeGreaterThanOrEqual(140);
  release();
  await Promise.all(holders);
  expect((await waiting).rows[0]!.n).toBe(2);
  expect(db.poolStats!().oldestWaitMs).toBe(0);
});

it('reports no wait when nothing queues', async () => {
  await sql`select 1`.execute(db.kysely);
  expect(db.poolStats!().oldestWaitMs).toBe(0);
});
