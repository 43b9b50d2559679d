import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** GET /healthz: true when the database answers a trivial query. */
export async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  await sql`select 1`.execute(db);
  return true;
}
