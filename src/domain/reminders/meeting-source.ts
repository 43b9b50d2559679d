/**
 * Where the planner gets each active pair's next meeting from: the meetings feature, which alone
 * knows the rules (rhythm changes, skips, the planned end).
 */
export interface MeetingSource {
  /** Makes sure every active pair has its next meeting as a row; idempotent, safe on several replicas at once. */
  ensureUpcoming(now: Date): Promise<void>;
}

/**
 * The meetings feature as the planner's source: `services.meetings.ensureUpcoming(now)` each pass.
 * With `lifecycle` (the pair's life: expiries, resume dates, the automatic end), that runs first, so
 * a pair that has just ended or paused gets no next meeting and no reminder in the same pass. With
 * `overdue`, the one nudge per overdue action item is written to the outbox after them, so this pass sends it.
 */
export function meetingsServiceSource(
  meetings: { ensureUpcoming(now: Date): Promise<unknown> },
  lifecycle?: { advance(now: Date): Promise<unknown> },
  overdue?: { advance(now: Date): Promise<unknown> },
): MeetingSource {
  return {
    async ensureUpcoming(now) {
      await lifecycle?.advance(now);
      await meetings.ensureUpcoming(now);
      // Once the next meetings exist: an undated action item is overdue when the meeting after its own is over.
      await overdue?.advance(now);
    },
  };
}
