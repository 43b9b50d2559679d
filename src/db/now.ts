import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** The database's clock: every replica reads the same one (the scheduler's `databaseClock`). */
export async function databaseNow(db: Kysely<Database>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
  return new Date(rows[0]!.now);
}
