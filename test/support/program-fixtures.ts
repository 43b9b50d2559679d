import type { Kysely } from 'kysely';
import type { Database, PairStatus } from '../../src/db/schema';
import type { Harness } from './harness';
import { eventually } from './wait';

export interface SeededMeeting {
  at: Date;
  /** Notes recorded (status held). */
  held?: boolean;
  /** When the agenda was shared; null: never. */
  agendaAt?: Date | null;
}

export interface SeededPair {
  status: PairStatus;
  createdAt: Date;
  startedOn: string;
  meetings?: SeededMeeting[];
}

/**
 * Pairs written straight to the database (with their two people and meetings), for the program
 * overview at sizes no test would set up through Slack. Person ids are `U<prefix>M<n>` (mentor) and
 * `U<prefix>E<n>` (mentee); no text anyone could type is written.
 */
export async function seedProgram(
  db: Kysely<Database>,
  teamId: string,
  pairs: readonly SeededPair[],
  prefix = 'P',
): Promise<Array<{ id: string; mentorId: string; menteeId: string }>> {
  await db
    .insertInto('workspaces')
    .values({ team_id: teamId })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
  const ids = pairs.map((_, i) => ({ mentorId: `U${prefix}M${i}`, menteeId: `U${prefix}E${i}` }));
  await db
    .insertInto('people')
    .values(ids.flatMap(({ mentorId, menteeId }) => [mentorId, menteeId].map((userId) => ({ team_id: teamId, user_id: userId, display_name: userId }))))
    .execute();
  const rows = await db
    .insertInto('pairs')
    .values(
      pairs.map((pair, i) => ({
        team_id: teamId,
        mentor_id: ids[i]!.mentorId,
        mentee_id: ids[i]!.menteeId,
        goals_channel_id: 'CGOALS',
        cadence: 'weekly' as const,
        meeting_time: '10:00',
        time_zone: 'UTC',
        first_meeting_on: pair.startedOn,
        meeting_minutes: 30,
        status: pair.status,
        started_on: pair.startedOn,
        planned_end_on: '2027-06-01',
        created_by: ids[i]!.mentorId,
        created_at: pair.createdAt,
      })),
    )
    .returning(['id', 'mentor_id'])
    .execute();
  const idOf = new Map(rows.map((row) => [row.mentor_id, row.id]));
  const meetings = pairs.flatMap((pair, i) =>
    (pair.meetings ?? []).map((meeting, n) => ({
      team_id: teamId,
      pair_id: idOf.get(ids[i]!.mentorId)!,
      sequence: n + 1,
      scheduled_at: meeting.at,
      duration_minutes: 30,
      status: meeting.held ? ('held' as const) : ('scheduled' as const),
      agenda_shared_at: meeting.agendaAt ?? null,
      notes_recorded_at: meeting.held ? new Date(meeting.at.getTime() + 3_600_000) : null,
    })),
  );
  if (meetings.length > 0) await db.insertInto('meetings').values(meetings).execute();
  return ids.map((pair) => ({ ...pair, id: idOf.get(pair.mentorId)! }));
}

/**
 * A coordinator's open overview, as if it had reached someone else's screen: `other` presses
 * `actionId` in a copy of it; resolves once they were told privately that it is for coordinators.
 */
export async function pressInCoordinatorsOverview(h: Harness, coordinatorId: string, other: string, actionId: string, value: string): Promise<void> {
  const copy = h.standIn.topView(coordinatorId)!;
  const opened = await h.bot.slackApp.app.client.views.open({
    trigger_id: h.standIn.issueTriggerId(other),
    view: { type: 'modal', callback_id: copy.callback_id, title: copy.title, blocks: copy.blocks, private_metadata: copy.private_metadata } as never,
  });
  await h.driver.clickInView(other, h.standIn.findView(opened.view!.id!)!, actionId, { value });
  await h.settle();
  await eventually(() => h.standIn.ephemeralsFor(other).find((m) => /for program coordinators/.test(m.text)));
}
