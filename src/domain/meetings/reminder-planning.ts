import type { Tx } from '../../db/types';

/**
 * What the meetings feature needs from reminders when a meeting moves, is skipped or the rhythm
 * changes, in the change's own transaction: the stale reminders never go out and the new ones exist
 * as soon as the change does. The composition root fills it with the scheduler's functions, so this
 * feature does not depend on where reminders are planned (issue 11, point 6).
 */
export interface ReminderPlanning {
  /** Cancels the meeting's reminders that have not gone out (notices are never touched). */
  cancelUnsent(tx: Tx, meetingId: string): Promise<void>;
  /** Plans the meeting's reminders for its current time; unsent ones planned for an old time move. */
  replanMeeting(tx: Tx, meetingId: string, now: Date): Promise<void>;
}
