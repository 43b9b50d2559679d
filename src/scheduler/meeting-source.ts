import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type MeetingRule, nextOccurrence, occurrenceDate } from '../domain/meetings/cadence';
import type { Executor } from '../db/types';

/**
 * Where the planner gets each active pair's next meeting from: in the bot, the meetings feature
 * (`meetingsServiceSource(services.meetings)`); in benches, `CadenceMeetingSource`.
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

/**
 * For benches and scheduler tests without the meetings feature: the next occurrence of the pair's
 * cadence from `first_meeting_on`. It does not know a rhythm changed later (pairs.anchor_sequence);
 * the bot itself uses `meetingsServiceSource`.
 */
export class CadenceMeetingSource implements MeetingSource {
  constructor(private readonly db: Kysely<Database>) {}

  async ensureUpcoming(now: Date): Promise<void> {
    for (const pair of await pairsWithoutUpcomingMeeting(this.db, now)) {
      const rule: MeetingRule = { cadence: pair.cadence, anchorDate: pair.first_meeting_on, time: pair.meeting_time, timeZone: pair.time_zone };
      const after = pair.latest && pair.latest.getTime() > now.getTime() ? pair.latest : now;
      const next = nextOccurrence(rule, after);
      if (occurrenceDate(rule, next.sequence) > pair.planned_end_on) continue;
      await insertMeetingOnce(this.db, { teamId: pair.team_id, pairId: pair.id, sequence: next.sequence, at: next.at, minutes: pair.meeting_minutes });
    }
  }
}

/** Active pairs with no scheduled meeting ahead, with their latest meeting's time. */
async function pairsWithoutUpcomingMeeting(db: Executor, now: Date) {
  const rows = await db
    .selectFrom('pairs as p')
    .selectAll('p')
    .select((eb) => eb.selectFrom('meetings as l').select((inner) => inner.fn.max('l.scheduled_at').as('latest')).whereRef('l.pair_id', '=', 'p.id').as('latest'))
    .where('p.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('meetings as m').select('m.id').whereRef('m.pair_id', '=', 'p.id').where('m.status', '=', 'scheduled').where('m.scheduled_at', '>', now))),
    )
    .execute();
  return rows.map((row) => ({ ...row, latest: row.latest ? new Date(row.latest as unknown as string) : null }));
}

/** The (pair, sequence) unique key makes two replicas materialising the same meeting insert once. */
async function insertMeetingOnce(db: Executor, meeting: { teamId: string; pairId: string; sequence: number; at: Date; minutes: number }): Promise<void> {
  await db
    .insertInto('meetings')
    .values({
      team_id: meeting.teamId,
      pair_id: meeting.pairId,
      sequence: meeting.sequence,
      scheduled_at: meeting.at,
      duration_minutes: meeting.minutes,
      rescheduled_from: null,
      feedback_focus: null,
      shared_highlight: null,
      takeaways: null,
      feedback_received: null,
      feedback_application: null,
      notes_recorded_by: null,
      notes_recorded_at: null,
      agenda_shared_at: null,
    })
    .onConflict((oc) => oc.columns(['pair_id', 'sequence']).doNothing())
    .execute();
}
