import { rm } from 'node:fs/promises';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db';
import { RUN_ID_ENV, TEMPLATE_DUMP_ENV } from './db-env';

/** Drops this run's template and every per-file clone (each file drops its own; this catches crashed ones). */
export default async function globalTeardown(): Promise<void> {
  const dump = process.env[TEMPLATE_DUMP_ENV];
  if (dump) await rm(dump, { force: true });
  const url = process.env.DATABASE_URL;
  const runId = process.env[RUN_ID_ENV];
  if (!url || !runId) return;
  const admin = await createDb({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    const { rows } = await sql<{ datname: string }>`select datname from pg_database where datname like ${`mentorship_%${runId}%`}`.execute(admin.kysely);
    for (const { datname } of rows) await sql.raw(`drop database if exists "${datname}" with (force)`).execute(admin.kysely);
  } finally {
    await admin.close();
  }
}
