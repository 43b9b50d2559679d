import { parseConfig } from '../config';
import { openDatabase } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import { createLogger } from '../logger';
import { exitOnStartupError } from './fatal';
import { parseFlags } from './flags';

const USAGE = `Usage: npm run migrate [-- --help]

Applies pending migrations to the configured database and exits 0. A database that a newer release has
migrated is left as it is (logged as a warning).

Options:
  -h, --help   print this help and exit

Environment: DATABASE_URL (unset: the embedded database under DATA_DIR, ./.data by default), LOG_LEVEL.
See docs/operations.md.`;

/** `npm run migrate`: applies pending migrations and exits. */
async function run(): Promise<void> {
  parseFlags('migrate', process.argv.slice(2), {}, USAGE);
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database, { migrate: false, poolSize: 1 });
  try {
    const { applied, unknown } = await migrateToLatest(db.kysely);
    if (unknown.length) logger.warn({ unknown, database: db.kind }, 'database migrated by a newer release: nothing applied');
    else logger.info({ applied, database: db.kind }, applied.length ? 'migrations applied' : 'database already up to date');
  } finally {
    await db.close();
  }
}

run().catch(exitOnStartupError);
