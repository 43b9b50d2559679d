import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { createDb, createPgliteDb, type Db } from '../../src/db/create-db';
import { RUN_ID_ENV, TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV, withDatabase } from './db-env';

export type TestDbKind = 'pglite' | 'postgres';

/** The real PostgreSQL runs when DATABASE_URL is set; PGlite otherwise. */
export const testDbKind = (): TestDbKind => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

/**
 * A fresh, migrated database for one test file, cloned from the run's template so that files
 * never see each other's rows. Close it in afterAll.
 */
export async function createTestDb(kind: TestDbKind = testDbKind()): Promise<Db & { url?: string }> {
  if (kind === 'pglite') {
    const path = required(TEMPLATE_DUMP_ENV);
    const loadDataDir = new Blob([await readFile(path)]);
    return createPgliteDb({ loadDataDir });
  }
  const url = required('DATABASE_URL');
  const template = required(TEMPLATE_DB_ENV);
  const name = `mentorship_t_${required(RUN_ID_ENV)}_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    await sql.raw(`create database ${name} template ${template}`).execute(admin.kysely);
  } finally {
    await admin.close();
  }
  const fileUrl = withDatabase(url, name);
  const db = await createDb({ kind: 'postgres', url: fileUrl });
  return {
    ...db,
    url: fileUrl,
    close: async () => {
      await db.close();
      const dropper = await createDb({ kind: 'postgres', url }, { poolSize: 1 });
      await sql
        .raw(`drop database if exists ${name} with (force)`)
        .execute(dropper.kysely)
        .finally(() => dropper.close());
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (test/support/global-setup.ts)`);
  return value;
}
