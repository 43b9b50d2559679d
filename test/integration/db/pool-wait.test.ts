import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb } from '../../../src/db/create-db';
import { createTestDb, testDbKind } from '../../support/test-db';
import { eventually } from '../../support/wait';

/**
 * Load shedding reads how long the oldest query has waited for a connection (poolStats().oldestWaitMs):
 * it must grow while every connection is taken and fall back to 0 once the queue is served. PGlite has
 * one connection and no times on its queue (it reports 0; its queue length is watched instead).
 */
const onPostgres = testDbKind() === 'postgres' ? it : it.skip;
let db: Awaited<ReturnType<typeof createTestDb>>;

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

onPostgres('gives back the connections it opened when the database refuses the rest, and the pool still serves', async () => {
  // A role PostgreSQL lets open only 3 connections, for a pool of 10.
  const role = `mentorship_limited_${randomBytes(4).toString('hex')}`;
  await sql.raw(`create role ${role} login connection limit 3`).execute(db.kysely);
  const url = new URL(db.url!);
  url.username = role;
  const limited = await createDb({ kind: 'postgres', url: url.toString() });
  try {
    await expect(limited.warm!()).rejects.toThrow(/too many connections/);
    expect(limited.poolStats!()).toMatchObject({ total: 3, idle: 3 });
    // None is left checked out: all three serve queries at once.
    const answers = await Promise.all([0, 1, 2].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(limited.kysely)));
    expect(answers.map((answer) => answer.rows[0]!.n)).toEqual([0, 1, 2]);
    expect(limited.poolStats!()).toMatchObject({ total: 3, idle: 3, waiting: 0 });
  } finally {
    await limited.close();
    await sql.raw(`drop role ${role}`).execute(db.kysely);
  }
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
