/**
 * Where the planner gets each active pair's next meeting from: the meetings feature, which alone
 * knows the rules (rhythm changes, skips, the planned end).
 */
export interface MeetingSource {
  /** Makes sure every active pair has its next meeting as a row; idempotent, safe on several replicas at once. */
  ensureUpcoming(now: Date): Promise<void>;
}

/** The meetings feature as the planner's source: `services.meetings.ensureUpcoming(now)` each pass. */
export function meetingsServiceSource(meetings: { ensureUpcoming(now: Date): Promise<unknown> }): MeetingSource {
  return {
    async ensureUpcoming(now) {
      await meetings.ensureUpcoming(now);
    },
  };
}
