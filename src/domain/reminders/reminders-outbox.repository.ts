import type { OutboxRow } from '../../db/schema';
import type { Executor } from '../../db/types';
import { REMINDER_KINDS } from './kinds';
import type { PlannedReminder } from './planner';

/** The reminders' side of the outbox: planning rows, cancelling stale ones, snoozing. The dispatcher claims and completes them (src/scheduler). */

/**
 * Cancels the reminders of a meeting (or a whole pair) that have not been sent. Call it in the same
 * transaction as the change that makes them stale (a reschedule, a skip, a paused pair), so nothing
 * stale goes out. Rows already being sent are left to finish: their send is in doubt, not stale; the
 * dispatcher checks the meeting again before any resend. Notices are never touched: they say what
 * somebody did (an agenda shared, waiting for the end of the reader's night), which a reschedule
 * does not undo.
 */
export async function cancelUnsent(db: Executor, scope: { meetingId: string } | { pairId: string }, reason = 'cancelled'): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({ state: 'cancelled', last_error: reason, updated_at: new Date() })
    .where('state', '=', 'pending')
    .where('kind', 'in', REMINDER_KINDS);
  query = 'meetingId' in scope ? query.where('meeting_id', '=', scope.meetingId) : query.where('pair_id', '=', scope.pairId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Writes planned reminders, idempotently across passes and replicas: a new key inserts; an existing
 * row is re-planned only when its basis changed (a rescheduled meeting, a new lead time) and it has
 * not been sent or claimed; a cancelled row is revived then, because it was cancelled for the old basis.
 * A snoozed or in-flight row is never moved back. Returns how many rows were inserted or re-planned.
 */
export async function upsertPlanned(db: Executor, reminders: readonly PlannedReminder[], now: Date): Promise<number> {
  if (reminders.length === 0) return 0;
  const rows = reminders.map((r) => ({
    team_id: r.teamId,
    kind: r.kind,
    pair_id: r.pairId,
    meeting_id: r.meetingId,
    recipient_id: r.recipientId,
    dedupe_key: r.dedupeKey,
    payload: JSON.stringify(r.payload),
    due_at: r.dueAt,
    next_attempt_at: r.dueAt,
    expires_at: r.expiresAt,
    basis: r.basis,
    state: r.skipReason ? ('cancelled' as const) : ('pending' as const),
    last_error: r.skipReason ?? null,
    updated_at: now,
  }));
  const result = await db
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .doUpdateSet((eb) => ({
          due_at: eb.ref('excluded.due_at'),
          next_attempt_at: eb.ref('excluded.next_attempt_at'),
          expires_at: eb.ref('excluded.expires_at'),
          basis: eb.ref('excluded.basis'),
          payload: eb.ref('excluded.payload'),
          state: eb.ref('excluded.state'),
          last_error: eb.ref('excluded.last_error'),
          updated_at: now,
        }))
        .where((eb) =>
          eb.and([
            // A planned reminder only ever re-plans a row of its own kind (never a notice).
            eb('outbox.kind', '=', eb.ref('excluded.kind')),
            eb('outbox.basis', 'is distinct from', eb.ref('excluded.basis')),
            eb('outbox.state', 'in', ['pending', 'cancelled']),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A snoozed reminder: a new row of the same kind, once per snoozed message. */
export async function insertSnoozed(db: Executor, source: OutboxRow, snooze: { key: string; dueAt: Date; now: Date }): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({
      team_id: source.team_id,
      kind: source.kind,
      pair_id: source.pair_id,
      meeting_id: source.meeting_id,
      recipient_id: source.recipient_id,
      dedupe_key: snooze.key,
      payload: JSON.stringify({ ...source.payload, snoozedFrom: source.id }),
      due_at: snooze.dueAt,
      next_attempt_at: snooze.dueAt,
      expires_at: source.expires_at,
      basis: source.basis,
      updated_at: snooze.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A reminder by id (a button's value): never a notice, which has nothing to snooze. */
export async function findReminder(db: Executor, teamId: string, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('team_id', '=', teamId).where('id', '=', id).where('kind', 'in', REMINDER_KINDS).executeTakeFirst();
}
