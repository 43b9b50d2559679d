import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db } from '../../../src/db/create-db';
import { listPairsWithNamesOf } from '../../../src/domain/pairs/pairs.repository';
import { createTestDb, testDbKind } from '../../support/test-db';

/**
 * Statements marked PREPARED (src/db/prepared.ts) are prepared once per connection on PostgreSQL, so
 * PostgreSQL plans them once, and they keep answering when a migration adds a column to a table they
 * read while the bot runs. PGlite runs them as any other statement (every other test does).
 */
const onPostgres = testDbKind() === 'postgres' ? describe : describe.skip;
let testDb: Awaited<ReturnType<typeof createTestDb>>;
/** One connection, so every statement below runs in the same session. */
let db: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  if (testDbKind() === 'postgres') {
    db = await createDb({ kind: 'postgres', url: testDb.url! }, { poolSize: 1 });
    await db.kysely.insertInto('workspaces').values({ team_id: 'T0PREP' }).execute();
    const person = (userId: string, name: string) => ({
      team_id: 'T0PREP',
      user_id: userId,
      display_name: name,
      dm_channel_id: null,
      reminders_paused_until: null,
      slack_time_zone: null,
    });
    await db.kysely
      .insertInto('people')
      .values([person('UMENTOR', 'maria'), person('UMENTEE', 'theo')])
      .execute();
  }
});
afterAll(async () => {
  await db?.close();
  await testDb.close();
});

async function addPair(mentorId: string): Promise<void> {
  await db.kysely
    .insertInto('pairs')
    .values({
      team_id: 'T0PREP',
      mentor_id: mentorId,
      mentee_id: 'UMENTEE',
      goals_channel_id: 'CGOALS',
      cadence: 'weekly',
      meeting_time: '10:00',
      time_zone: 'Europe/Berlin',
      first_meeting_on: '2026-12-08',
      meeting_minutes: 45,
      started_on: '2026-12-01',
      planned_end_on: '2027-06-01',
      created_by: mentorId,
    })
    .execute();
}

const preparedHere = async () => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db.kysely)).rows;

onPostgres('statements kept prepared', () => {
  it('prepares a marked statement once per connection and leaves unmarked ones unnamed', async () => {
    await addPair('UMENTOR');
    for (let i = 0; i < 3; i += 1) {
      expect(await listPairsWithNamesOf(db.kysely, 'T0PREP', 'UMENTEE')).toMatchObject({
        pairs: [{ mentor_id: 'UMENTOR' }],
        names: { UMENTOR: 'maria', UMENTEE: 'theo' },
      });
    }
    await sql`select 1`.execute(db.kysely);
    const prepared = await preparedHere();
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^p_[0-9a-f]{20}$/);
    expect(prepared[0]!.statement).toMatch(/^\/\* prepared \*\//);
  });

  it('keeps answering after a migration adds a column to a table it reads, with the new column', async () => {
    await listPairsWithNamesOf(db.kysely, 'T0PREP', 'UMENTEE');
    await sql`alter table pairs add column added_later text not null default 'yes'`.execute(db.kysely);
    try {
      const { pairs } = await listPairsWithNamesOf(db.kysely, 'T0PREP', 'UMENTEE');
      expect(pairs[0]).toMatchObject({ mentor_id: 'UMENTOR', added_later: 'yes' });
    } finally {
      await sql`alter table pairs drop column added_later`.execute(db.kysely);
    }
  });

  // Why only statements whose columns are JSON are marked: a prepared `select *` stops working.
  it('would fail for a prepared select * once a column is added, which is why only JSON statements are marked', async () => {
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      const star = { name: 'star', text: 'select * from pairs where team_id = $1', values: ['T0PREP'] };
      await client.query(star);
      await client.query('alter table pairs add column added_later text');
      await expect(client.query(star)).rejects.toThrow(/cached plan must not change result type/);
    } finally {
      await client.query('alter table pairs drop column if exists added_later');
      await client.end();
    }
  });
});
