import { type Kysely, sql } from 'kysely';

/**
 * Feedback requests are found by the person they wait on (the responder for an answer, the mentee
 * who asked for a report on how it was applied), across all of that person's pairs: without these
 * the "what waits on me" query reads the whole table. Partial, because finished requests (the
 * large majority over time) are never looked up this way.
 *
 * Frozen once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index feedback_requests_awaiting_answer on feedback_requests (team_id, responder_id) where status = 'requested'`.execute(db);
  await sql`create index feedback_requests_awaiting_application on feedback_requests (team_id, requester_id) where status = 'answered'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists feedback_requests_awaiting_application`.execute(db);
  await sql`drop index if exists feedback_requests_awaiting_answer`.execute(db);
}
