import { sql } from 'kysely';
import type { Db } from '../../src/db/create-db';

/** Row count and a digest of every row, per table: equal snapshots mean nothing was written. */
export type DbSnapshot = Record<string, { rows: number; digest: string }>;

const IGNORED = new Set(['kysely_migration', 'kysely_migration_lock']);

export async function snapshotDb(db: Db): Promise<DbSnapshot> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db.kysely);
  const snapshot: DbSnapshot = {};
  for (const { name } of tables) {
    if (IGNORED.has(name)) continue;
    const { rows } = await sql<{ rows: number; digest: string }>`
      select count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest
      from ${sql.table(name)} t`.execute(db.kysely);
    snapshot[name] = rows[0]!;
  }
  return snapshot;
}
