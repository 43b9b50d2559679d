import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/** The open states: what the partial index outbox_due covers, so these reads stay small at any size of history. */
const OPEN = ['pending', 'sending', 'unknown'] as const;

/** Open rows by state (sent, failed and cancelled rows are history: their counters are the sends). */
export async function openRowsByState(db: Kysely<Database>): Promise<Array<{ state: string; rows: number }>> {
  return db
    .selectFrom('outbox')
    .select(['state', sql<number>`count(*)::int`.as('rows')])
    .where('state', 'in', OPEN)
    .groupBy('state')
    .execute();
}

/** Seconds since the oldest open row fell due (0 when nothing is due), by the database's clock. */
export async function oldestDueAgeSeconds(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select(sql<number | null>`extract(epoch from now() - min(next_attempt_at))::float8`.as('age'))
    .where('state', 'in', OPEN)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Math.max(0, Number(row?.age ?? 0));
}
