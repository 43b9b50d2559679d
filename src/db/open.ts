import type { DatabaseConfig } from '../config';
import { createDb, type Db } from './create-db';
import { lockDataDir } from './data-dir-lock';
import { type MigrationOutcome, migrateToLatest } from './migrate';

/** Opens the configured database (locking an embedded one to this process) and applies pending migrations. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean; poolSize?: number } = {},
): Promise<Db & { migrations: MigrationOutcome | null }> {
  const unlock = config.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  try {
    const db = await createDb(config, options);
    const migrations = (options.migrate ?? true) ? await migrateToLatest(db.kysely) : null;
    return {
      ...db,
      migrations,
      close: async () => {
        try {
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
