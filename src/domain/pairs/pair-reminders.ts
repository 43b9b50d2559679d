import type { Tx } from '../../db/types';

/**
 * What a pair's life needs from reminders, in the transition's own transaction (so nothing stale goes
 * out and nothing due is missing once it commits). The composition root fills it with the reminder
 * capability's functions, as it does the meetings feature's `ReminderPlanning`.
 */
export interface PairReminders {
  /** Cancels every reminder of the pair that has not gone out (notices are never touched). */
  cancelPair(tx: Tx, pairId: string): Promise<void>;
  /** Plans the reminders of the pair's meetings that may still be due (a running pair only). */
  replanPair(tx: Tx, pairId: string, now: Date): Promise<void>;
  /** Plans the stay-in-touch check-ins of each person after the pair ended on `endedOn`. */
  planCheckIns(
    tx: Tx,
    pair: { id: string; teamId: string },
    people: ReadonlyArray<{ userId: string; timeZone: string }>,
    endedOn: string,
    now: Date,
  ): Promise<void>;
  /** Re-plans a person's reminders (their zone changed). */
  replanPerson(tx: Tx, teamId: string, userId: string, now: Date): Promise<void>;
}
