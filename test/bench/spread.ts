/**
 * The submission workloads' world: SPREAD_PAIRS pairs (1,000 by default), each with meetings that have
 * started and have no notes yet, and a next meeting whose agenda is open, so that a run of thousands
 * of submissions spreads over many pairs and no single agenda or goal list grows (the issue's point:
 * the cost of one interaction, not of one ever-growing agenda). Loaded with set-based SQL by the
 * bench's `prepare` process; the modals submitted are the real ones, built once by the real services
 * and block builders for the first pair, then re-addressed to each pair's ids.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/create-db';
import { occurrenceAt } from '../../src/domain/meetings/cadence';
import { ensureUpcomingFor } from '../../src/domain/meetings/upcoming';
import { localDateIn } from '../../src/domain/time/zoned';
import type { Services } from '../../src/services';
import { agendaModal } from '../../src/slack/blocks/agenda-modal';
import { defaultTargetDate, goalModal } from '../../src/slack/blocks/goal-modal';
import { notesModal } from '../../src/slack/blocks/notes-modal';
import { BENCH_CHANNEL, BENCH_TEAM } from './protocol';

export const SPREAD_PAIRS = Number(process.env.BENCH_PAIRS ?? 1000);
/** Started meetings without notes per pair: each notes submission uses one up. */
export const PAST_MEETINGS = Number(process.env.BENCH_PAST_MEETINGS ?? 20);
const ZONE = 'Europe/Berlin';
const TIME = '10:00';

export const spreadMentor = (i: number): string => `USPM${i}`;
export const spreadMentee = (i: number): string => `USPE${i}`;
/** The people of the spread pairs, as the stand-in needs them to open DMs to them. */
export const spreadUsers = (count = SPREAD_PAIRS): Array<{ id: string; name: string; realName: string; tz: string }> =>
  Array.from({ length: count }, (_, i) => [
    { id: spreadMentor(i), name: `mentor${i}`, realName: `Mentor ${i}`, tz: ZONE },
    { id: spreadMentee(i), name: `mentee${i}`, realName: `Mentee ${i}`, tz: 'America/New_York' },
  ]).flat();

/** Per pair: its id, its next meeting, and its started meetings without notes (oldest first). */
export interface SpreadPair {
  pairId: string;
  mentorId: string;
  nextMeetingId: string;
  pastMeetingIds: string[];
}

/** What the runner needs to build submissions: the pairs, and each modal as Slack stores it for pair 0. */
export interface SpreadWorld {
  pairs: SpreadPair[];
  views: { agenda: unknown; goal: unknown; notes: unknown };
}

/**
 * Loads the pairs and returns them with the three modals of pair 0. Weekly meetings at 10:00 Berlin
 * whose anchor lies PAST_MEETINGS weeks back (plus three days), so occurrences 0..PAST_MEETINGS-1 have
 * started and the next one is three days ahead.
 */
export async function seedSpread(db: Db, services: Services, now: Date, count = SPREAD_PAIRS): Promise<SpreadWorld> {
  const anchor = new Date(now.getTime() + (3 - 7 * PAST_MEETINGS) * 86_400_000).toISOString().slice(0, 10);
  const today = localDateIn(now, ZONE);
  const plannedEnd = new Date(now.getTime() + 180 * 86_400_000).toISOString().slice(0, 10);
  await sql`
    insert into people (team_id, user_id, display_name, time_zone, dm_channel_id)
    select ${BENCH_TEAM}, u.id, u.name, u.zone, 'D' || u.id
    from generate_series(0, ${count - 1}::int) as g,
      lateral (values ('USPM' || g, 'Mentor ' || g, ${ZONE}), ('USPE' || g, 'Mentee ' || g, 'America/New_York')) as u(id, name, zone)
    on conflict do nothing`.execute(db.kysely);
  await sql`
    insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on,
      meeting_minutes, started_on, planned_end_on, created_by)
    select ${BENCH_TEAM}, 'USPM' || g, 'USPE' || g, ${BENCH_CHANNEL.id}, 'weekly', ${TIME}, ${ZONE}, ${anchor}::date,
      45, ${anchor}::date, ${plannedEnd}::date, 'USPM' || g
    from generate_series(0, ${count - 1}::int) as g`.execute(db.kysely);
  const pairs = await db.kysely.selectFrom('pairs').selectAll().where('team_id', '=', BENCH_TEAM).where('mentor_id', 'like', 'USPM%').execute();
  const rule = { cadence: 'weekly' as const, anchorDate: anchor, time: TIME, timeZone: ZONE };
  const starts = Array.from({ length: PAST_MEETINGS }, (_, sequence) => occurrenceAt(rule, sequence).toISOString());
  await sql`
    insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes)
    select p.team_id, p.id, s.seq - 1, s.at::timestamptz, 45
    from pairs p, unnest(${starts}::text[]) with ordinality as s(at, seq)
    where p.team_id = ${BENCH_TEAM} and p.mentor_id like 'USPM%'`.execute(db.kysely);
  // The next meetings, and the mark the planning pass keeps, as a running deployment has them.
  const validUntil = await ensureUpcomingFor(db.kysely, pairs, now);
  for (const [pairId, until] of validUntil) {
    await db.kysely.updateTable('pairs').set({ upcoming_valid_until: until }).where('id', '=', pairId).execute();
  }
  const meetings = await db.kysely
    .selectFrom('meetings')
    .select(['id', 'pair_id', 'sequence', 'scheduled_at'])
    .where(
      'pair_id',
      'in',
      pairs.map((pair) => pair.id),
    )
    .orderBy('sequence')
    .execute();
  const byPair = new Map<string, typeof meetings>();
  for (const meeting of meetings) byPair.set(meeting.pair_id, [...(byPair.get(meeting.pair_id) ?? []), meeting]);
  const spread = pairs
    .map((pair) => {
      const own = byPair.get(pair.id) ?? [];
      return {
        pairId: pair.id,
        mentorId: pair.mentor_id,
        nextMeetingId: own.find((m) => m.scheduled_at.getTime() > now.getTime())!.id,
        pastMeetingIds: own.filter((m) => m.scheduled_at.getTime() <= now.getTime()).map((m) => m.id),
      };
    })
    .sort((a, b) => Number(a.mentorId.slice(4)) - Number(b.mentorId.slice(4)));
  const first = spread[0]!;
  const actor = { teamId: BENCH_TEAM, userId: first.mentorId };
  const form = await services.goals.formContext(actor, first.pairId);
  return {
    pairs: spread,
    views: {
      agenda: agendaModal(await services.agendas.draftForMeeting(actor, first.nextMeetingId)),
      notes: notesModal(await services.notes.draftForMeeting(actor, first.pastMeetingIds[0]!)),
      goal: goalModal({
        pairId: form.pairId,
        values: { targetDate: defaultTargetDate(today, form.plannedEnd) },
        plannedEnd: form.plannedEnd,
        advice: form.advice,
        originChannelId: `D${first.mentorId}`,
      }),
    },
  };
}
