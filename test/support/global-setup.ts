import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { createDb, createPgliteDb } from '../../src/db/create-db';
import { migrateToLatest } from '../../src/db/migrate';
import { pgliteTemplatePath, RUN_ID_ENV, TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV, withDatabase } from './db-env';

/**
 * Migrate once per run, then let every test file clone the result: a PGlite data-dir dump always,
 * and a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env[RUN_ID_ENV] = runId;

  const pglite = await createPgliteDb({});
  await migrateToLatest(pglite.kysely);
  const dump = await pglite.dumpDataDir!();
  await pglite.close();
  const path = pgliteTemplatePath(runId);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_DUMP_ENV] = path;

  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `mentorship_tpl_${runId}`;
    const admin = await createDb({ kind: 'postgres', url }, { poolSize: 1 });
    try {
      await sql.raw(`create database ${template}`).execute(admin.kysely);
    } finally {
      await admin.close();
    }
    const templateDb = await createDb({ kind: 'postgres', url: withDatabase(url, template) }, { poolSize: 1 });
    await migrateToLatest(templateDb.kysely);
    await templateDb.close();
    process.env[TEMPLATE_DB_ENV] = template;
  }
}
