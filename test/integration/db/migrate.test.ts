import { sql } from 'kysely';
import { type Db } from '../../../src/db/create-db';
import { migrateToLatest } from '../../../src/db/migrate';
import { createTestDb } from '../../support/test-db';

/**
 * A rolling deploy or a rollback runs the previous release on a database that a newer one migrated:
 * it must start, not refuse the migrations it does not know (Kysely's migrator would).
 */
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

it('finds nothing to apply on a database migrated by this build', async () => {
  expect(await migrateToLatest(db.kysely)).toEqual({ applied: [], unknown: [] });
});

it('applies nothing, and names them, when the database holds migrations of a newer release', async () => {
  await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000_from_a_newer_release', now()::text)`.execute(db.kysely);
  expect(await migrateToLatest(db.kysely)).toEqual({ applied: [], unknown: ['2099-01-01T0000_from_a_newer_release'] });
});
