import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';

/**
 * A backlog of reminder DMs written straight into the database with set-based SQL: per workspace,
 * `pairs` pairs whose meeting ended a few minutes ago, and the 'thanks' prompt for both people of
 * each pair. People live in a zone where it is early afternoon now, so quiet hours never defer them,
 * and their DM channels are stored (as the pair modal stores them), so no conversations.open is made.
 */
export interface BacklogOptions {
  teams: readonly string[];
  pairsPerTeam: number;
  /** Due instants are spread evenly over this many ms from `start` (0: all due at `start`). */
  spreadMs?: number;
  start: Date;
}

export interface BacklogPerson {
  teamId: string;
  userId: string;
  channel: string;
}

/** User ids are 'U' + team index + 'X' + pair number + role, DM channels 'D' + user id (the stand-in's rule). */
export async function seedBacklog(db: Kysely<Database>, options: BacklogOptions): Promise<{ people: BacklogPerson[]; reminders: number; zone: string }> {
  const zone = afternoonZone(options.start);
  const meetingAt = new Date(options.start.getTime() - 70 * 60_000);
  const spread = options.spreadMs ?? 0;
  const total = options.teams.length * options.pairsPerTeam * 2;
  const people: BacklogPerson[] = [];
  for (const [index, teamId] of options.teams.entries()) {
    await sql`insert into workspaces (team_id) values (${teamId}) on conflict do nothing`.execute(db);
    await sql`
      insert into people (team_id, user_id, display_name, time_zone, dm_channel_id)
      select ${teamId}, 'U' || ${index}::int || 'X' || g || r, 'person ' || g || r, ${zone}, 'DU' || ${index}::int || 'X' || g || r
      from generate_series(1, ${options.pairsPerTeam}::int) as g, (values ('M'), ('E')) as v(r)`.execute(db);
    // Pairs, their meeting (ended ten minutes ago) and both thanks prompts, in one statement.
    await sql`
      with p as (
        insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on,
                           meeting_minutes, started_on, planned_end_on, created_by)
        select ${teamId}, 'U' || ${index}::int || 'X' || g || 'M', 'U' || ${index}::int || 'X' || g || 'E', 'CGOALS', 'weekly', '10:00', ${zone},
               date '2026-01-05', 60, date '2026-01-01', date '2030-01-01', 'U' || ${index}::int || 'X' || g || 'M'
        from generate_series(1, ${options.pairsPerTeam}::int) as g
        returning id, team_id, mentor_id, mentee_id
      ), m as (
        insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes)
        select p.team_id, p.id, 0, ${meetingAt}, 60 from p
        returning id, pair_id
      )
      insert into outbox (team_id, kind, pair_id, meeting_id, recipient_id, dedupe_key, payload, due_at, next_attempt_at, basis)
      select team_id, 'thanks', pair_id, meeting_id, recipient, 'thanks:' || meeting_id || ':' || recipient,
             jsonb_build_object('meetingAt', ${meetingAt.toISOString()}::text), at, at, 'backlog'
      from (
        select p.team_id, p.id as pair_id, m.id as meeting_id, r.recipient,
               ${options.start}::timestamptz
               + ((row_number() over () - 1) * ${options.teams.length}::int + ${index}::int) * (${spread}::float8 / ${Math.max(1, total)}::int) * interval '1 millisecond' as at
        from p join m on m.pair_id = p.id
        cross join lateral (values (p.mentor_id), (p.mentee_id)) as r(recipient)
      ) as rows`.execute(db);
    for (let g = 1; g <= options.pairsPerTeam; g += 1) {
      for (const role of ['M', 'E']) {
        const userId = `U${index}X${g}${role}`;
        people.push({ teamId, userId, channel: `D${userId}` });
      }
    }
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from outbox where basis = 'backlog'`.execute(db);
  return { people, reminders: Number(rows[0]!.n), zone };
}

/** An Etc/GMT zone where it is about 13:00 at `at` (Etc/GMT-3 is UTC+3), away from quiet hours. */
export function afternoonZone(at: Date): string {
  const offset = ((13 - at.getUTCHours() + 36) % 24) - 12;
  if (offset === 0) return 'UTC';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
