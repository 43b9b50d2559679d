import { parseConfig } from '../config';
import { openDatabase } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import { createLogger } from '../logger';
import { exitOnStartupError } from './fatal';

/** `npm run migrate`: applies pending migrations and exits. */
async function run(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database, { migrate: false, poolSize: 1 });
  try {
    const result = await migrateToLatest(db.kysely);
    const applied = (result.results ?? []).map((r) => r.migrationName);
    logger.info({ applied, database: db.kind }, applied.length ? 'migrations applied' : 'database already up to date');
  } finally {
    await db.close();
  }
}

run().catch(exitOnStartupError);
