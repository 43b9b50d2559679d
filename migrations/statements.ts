import { type Kysely, sql } from 'kysely';

/**
 * A migration written as two lists of SQL statements, run one per query in order (PGlite's extended
 * protocol takes no multi-statement strings). Not a migration itself: index.ts lists the migrations.
 */
export function statements(up: readonly string[], down: readonly string[]) {
  const runAll = async (db: Kysely<unknown>, list: readonly string[]): Promise<void> => {
    for (const statement of list) await sql.raw(statement).execute(db);
  };
  return { up: (db: Kysely<unknown>) => runAll(db, up), down: (db: Kysely<unknown>) => runAll(db, down) };
}
