import { sql } from 'kysely';
import type { Executor } from '../../db/types';
import { type NewNotice, NOTICE_KIND } from './notice';

/**
 * Writes notices to the outbox, in the caller's transaction. The dedupe key makes a retried write
 * insert once; the rows inserted are returned (id and due time) so the replica can send those due at once.
 */
export async function insertNotices(db: Executor, notices: readonly NewNotice[], now: Date): Promise<Array<{ id: string; due_at: Date }>> {
  if (notices.length === 0) return [];
  return db
    .insertInto('outbox')
    .values(
      notices.map((notice) => ({
        team_id: notice.teamId,
        kind: NOTICE_KIND,
        pair_id: notice.pairId,
        meeting_id: notice.meetingId,
        recipient_id: notice.recipientId,
        dedupe_key: notice.dedupeKey,
        payload: JSON.stringify(notice.payload),
        due_at: notice.dueAt,
        next_attempt_at: notice.dueAt,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning(['id', 'due_at'])
    .execute();
}

/**
 * Cancels the notices not yet sent about one thing (their topic, and an id their message carries) once
 * that thing no longer needs saying: an overdue nudge waiting for the end of its reader's night about
 * an item ticked or deleted meanwhile. Rows being sent are left to finish, as reminders' are.
 */
export async function cancelUnsentNotices(db: Executor, about: { pairId: string; topic: string; mentioning: string }, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'cancelled', last_error: 'no longer true', updated_at: now })
    .where('kind', '=', NOTICE_KIND)
    .where('state', '=', 'pending')
    .where('pair_id', '=', about.pairId)
    .where(sql<boolean>`payload->>'topic' = ${about.topic}`)
    .where(sql<boolean>`strpos(payload::text, ${about.mentioning}) > 0`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
