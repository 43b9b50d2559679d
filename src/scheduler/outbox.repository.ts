import type { Executor } from '../db/types';

/** States in which a reminder may still go out; anything else is final. */
export const OPEN_STATES = ['pending', 'sending', 'unknown'] as const;

/**
 * Cancels the reminders of a meeting (or a whole pair) that have not been sent. Call it in the same
 * transaction as the change that makes them stale (a reschedule, a skip, a paused pair), so nothing
 * stale goes out. Rows already being sent are left to finish: their send is in doubt, not stale.
 */
export async function cancelUnsent(db: Executor, scope: { meetingId: string } | { pairId: string }): Promise<number> {
  let query = db.updateTable('outbox').set({ state: 'cancelled', updated_at: new Date() }).where('state', '=', 'pending');
  query = 'meetingId' in scope ? query.where('meeting_id', '=', scope.meetingId) : query.where('pair_id', '=', scope.pairId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
