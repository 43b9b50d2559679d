import type { DatabaseConfig } from '../config';
import { createDb, type Db } from './create-db';
import { lockDataDir } from './data-dir-lock';
import { migrateToLatest } from './migrate';

/** Opens the configured database (locking an embedded one to this process) and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, options: { migrate?: boolean; poolSize?: number } = {}): Promise<Db> {
  const unlock = config.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  try {
    const db = await createDb(config, options);
    if (options.migrate ?? true) await migrateToLatest(db.kysely);
    return {
      ...db,
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
