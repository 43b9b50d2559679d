import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations';
import type { Database } from './schema';

export interface MigrationOutcome {
  /** Migrations this call applied, in order. */
  applied: string[];
  /**
   * Migrations the database has run that this build does not know: a newer release migrated it (a
   * rolling deploy, or a rollback). Nothing is applied then; migrations keep the previous release
   * working (docs/operations.md, "Migrations during rolling deploys"), so this build can still run.
   */
  unknown: string[];
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const unknown = (await executedMigrations(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) return { applied: [], unknown };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return { applied: (result.results ?? []).map((r) => r.migrationName), unknown: [] };
}

/** Kysely's own bookkeeping table; absent before the first migration. */
async function executedMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.rows.map((row) => row.name);
}
