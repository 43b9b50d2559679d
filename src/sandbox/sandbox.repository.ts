import { type Kysely, sql } from 'kysely';
import type { Database, Pair } from '../db/schema';

/**
 * The sandbox's reads for its clock control. It only reads: every change goes through the bot.
 */

/** When the person's next meeting starts (any pair they are in, mentor or mentee), after `after`. */
export async function nextMeetingOf(db: Kysely<Database>, userId: string, after: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('meetings')
    .innerJoin('pairs', 'pairs.id', 'meetings.pair_id')
    .select('meetings.scheduled_at')
    .where((eb) => eb.or([eb('pairs.mentor_id', '=', userId), eb('pairs.mentee_id', '=', userId)]))
    .where('meetings.status', '=', 'scheduled')
    .where('meetings.scheduled_at', '>', after)
    .orderBy('meetings.scheduled_at')
    .limit(1)
    .executeTakeFirst();
  return row?.scheduled_at;
}

/** The first time after `after` and not later than `until` at which an unsent outbox row becomes due. */
export async function nextDueBetween(db: Kysely<Database>, after: Date, until: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select('next_attempt_at')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '>', after)
    .where('next_attempt_at', '<=', until)
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return row?.next_attempt_at;
}

/**
 * The person's live pair (active or paused, mentor or mentee; the one planned to end first) and the end of
 * its latest scheduled or held meeting: what the scheduler's lifecycle pass needs to know when it ends.
 */
export async function livePairOf(db: Kysely<Database>, userId: string): Promise<{ pair: Pair; latestMeetingEnd: Date | null } | undefined> {
  const pair = await db
    .selectFrom('pairs')
    .selectAll()
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', 'in', ['active', 'paused'])
    .orderBy('planned_end_on')
    .limit(1)
    .executeTakeFirst();
  if (!pair) return undefined;
  const latest = await db
    .selectFrom('meetings')
    .select(sql<Date | string | null>`max(scheduled_at + duration_minutes * interval '1 minute')`.as('end'))
    .where('pair_id', '=', pair.id)
    .where('status', 'in', ['scheduled', 'held'])
    .executeTakeFirst();
  return { pair, latestMeetingEnd: latest?.end ? new Date(latest.end) : null };
}
