import { type RawBuilder, sql } from 'kysely';
import type { LocalDate, PairStatus } from '../../db/schema';
import type { Executor } from '../../db/types';
import { INVITATION_LATE_AFTER_DAYS, type PairHealth, RECENT_MEETINGS, STALLED_AFTER_DAYS } from './health';

// ---- added coordinators -----------------------------------------------------------------------------

export async function isAdded(db: Executor, teamId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('program_coordinators').select('user_id').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** True when the row is new (adding someone twice changes nothing). */
export async function addCoordinator(db: Executor, teamId: string, userId: string, addedBy: string): Promise<boolean> {
  const result = await db
    .insertInto('program_coordinators')
    .values({ team_id: teamId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return result !== undefined;
}

export async function removeCoordinator(db: Executor, teamId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('program_coordinators').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The added coordinators, first added first, at most `limit`, with how many there are. */
export async function listAdded(db: Executor, teamId: string, limit: number): Promise<{ userIds: string[]; total: number }> {
  const rows = await db
    .selectFrom('program_coordinators')
    .select(['user_id', sql<number>`count(*) over ()::int`.as('total')])
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('user_id')
    .limit(limit)
    .execute();
  return { userIds: rows.map((row) => row.user_id), total: rows[0]?.total ?? 0 };
}

/**
 * Records what Slack just said of a person's role, for the digest (the scheduler cannot ask Slack):
 * a row while they are an admin or owner, none otherwise. Writes only when it changes.
 */
export async function recordAdmin(db: Executor, teamId: string, userId: string, admin: boolean, now: Date): Promise<void> {
  if (!admin) {
    await db.deleteFrom('workspace_admins').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    return;
  }
  await db
    .insertInto('workspace_admins')
    .values({ team_id: teamId, user_id: userId, seen_at: now })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .execute();
}

// ---- the overview -----------------------------------------------------------------------------------

export interface OverviewFilter {
  status: PairStatus | null;
  health: PairHealth | null;
}

/** One pair as the overview reads it: dates, states and facts, never a text anyone typed. */
export interface OverviewRow {
  id: string;
  status: PairStatus;
  mentor_id: string;
  mentee_id: string;
  started_on: LocalDate;
  planned_end_on: LocalDate;
  created_at: Date;
  last_held_at: Date | null;
  next_at: Date | null;
  recent_count: number;
  recent_without_notes: number;
  recent_without_agenda: number;
  /** Either person's latest shared check-in says "not working" (the answer only: its note stays its author's). */
  shared_not_working: boolean;
  health: PairHealth | null;
}

/**
 * Every pair of the workspace with the facts its health is judged from, and the health itself, as a
 * subquery to filter, count and page. The health expression is health.ts's judgeHealth in SQL: it
 * has to live here so a page filtered by health is cut in the database, not after reading every pair.
 * Each fact is an index probe per pair (meetings_pair_status_time), so a page costs its rows plus the
 * rows skipped before it, and a count one pass over the workspace's pairs.
 */
function judged(db: Executor, teamId: string, now: Date, only?: ReturnType<typeof pageOfPairs> | ReturnType<typeof exportKeys>) {
  const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * 86_400_000);
  const lateBefore = new Date(now.getTime() - INVITATION_LATE_AFTER_DAYS * 86_400_000);
  const facts = db
    .selectFrom('pairs as p')
    .select([
      'p.id',
      'p.status',
      'p.mentor_id',
      'p.mentee_id',
      'p.started_on',
      'p.planned_end_on',
      'p.created_at',
      sql<Date | null>`(select max(m.scheduled_at) from meetings m where m.pair_id = p.id and m.status = 'held')`.as('last_held_at'),
      sql<Date | null>`(select min(m.scheduled_at) from meetings m
         where m.pair_id = p.id and m.status = 'scheduled' and m.scheduled_at + m.duration_minutes * interval '1 minute' > ${now})`.as('next_at'),
      sql<number>`coalesce(recent.n, 0)`.as('recent_count'),
      sql<number>`coalesce(recent.without_notes, 0)`.as('recent_without_notes'),
      sql<number>`coalesce(recent.without_agenda, 0)`.as('recent_without_agenda'),
      sql<boolean>`(shared.answered_at is not null)`.as('shared_not_working'),
    ])
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom(
            sql`(select m.status, m.scheduled_at, m.agenda_shared_at from meetings m
               where m.pair_id = p.id and m.status in ('scheduled', 'held') and m.scheduled_at + m.duration_minutes * interval '1 minute' <= ${now}
               order by m.scheduled_at desc limit ${RECENT_MEETINGS})`.as('last_two'),
          )
          .select([
            sql<number>`count(*)::int`.as('n'),
            sql<number>`(count(*) filter (where last_two.status <> 'held'))::int`.as('without_notes'),
            sql<number>`(count(*) filter (where last_two.agenda_shared_at is null or last_two.agenda_shared_at >= last_two.scheduled_at))::int`.as(
              'without_agenda',
            ),
          ])
          .as('recent'),
      (join) => join.onTrue(),
    )
    // Each person's latest check-in they shared (never one kept private), when it says "not working".
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom(
            sql`(select distinct on (c.user_id) c.answer, c.answered_at from progress_check_ins c
               where c.pair_id = p.id and c.shared order by c.user_id, c.answered_at desc)`.as('latest'),
          )
          .select([sql<Date>`latest.answered_at`.as('answered_at')])
          .where(sql<boolean>`latest.answer = 'not_working'`)
          .orderBy(sql`latest.answered_at`, 'desc')
          .limit(1)
          .as('shared'),
      (join) => join.onTrue(),
    )
    .where('p.team_id', '=', teamId)
    .$if(only !== undefined, (query) => query.where('p.id', 'in', only!));
  const health: RawBuilder<PairHealth | null> = sql`case
      when f.status = 'ended' then null
      when f.status = 'invited' then case when f.created_at < ${lateBefore} then 'needs_attention' else 'on_track' end
      when f.status = 'active' and coalesce(f.last_held_at, f.started_on::timestamp at time zone 'UTC') < ${stalledBefore} then 'stalled'
      when f.recent_count = ${RECENT_MEETINGS} and (f.recent_without_notes = ${RECENT_MEETINGS} or f.recent_without_agenda = ${RECENT_MEETINGS})
        then 'needs_attention'
      when f.shared_not_working then 'needs_attention'
      else 'on_track' end`;
  return db.selectFrom(facts.as('f')).selectAll('f').select(health.as('health'));
}

/** One page of the filtered pairs, newest first (pairs_program_order), and whether another follows. */
export async function overviewPage(
  db: Executor,
  teamId: string,
  now: Date,
  filter: OverviewFilter,
  page: { offset: number; size: number },
): Promise<{ rows: OverviewRow[]; more: boolean }> {
  const rows = (await overviewPageQuery(db, teamId, now, filter, page).execute()) as OverviewRow[];
  return { rows: rows.slice(0, page.size), more: rows.length > page.size };
}

/**
 * Without a health filter the page is cut from the pairs alone (pairs_program_order), and only its
 * rows get their facts judged; with one, every pair of the workspace has to be judged to know which
 * match, as the counts do anyway.
 */
function overviewPageQuery(db: Executor, teamId: string, now: Date, filter: OverviewFilter, page: { offset: number; size: number }) {
  let query = db.selectFrom(judged(db, teamId, now, filter.health ? undefined : pageOfPairs(db, teamId, filter, page)).as('j')).selectAll('j');
  if (filter.status) query = query.where('j.status', '=', filter.status);
  if (filter.health) query = query.where('j.health', '=', filter.health);
  return query
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .offset(filter.health ? page.offset : 0)
    .limit(page.size + 1);
}

function pageOfPairs(db: Executor, teamId: string, filter: OverviewFilter, page: { offset: number; size: number }) {
  return db
    .selectFrom('pairs')
    .select('id')
    .where('team_id', '=', teamId)
    .$if(filter.status !== null, (query) => query.where('status', '=', filter.status!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.size + 1);
}

/** How many pairs of the workspace are in each state and health (null for ended pairs). */
export async function overviewCounts(db: Executor, teamId: string, now: Date): Promise<Array<{ status: PairStatus; health: PairHealth | null; n: number }>> {
  return db
    .selectFrom(judged(db, teamId, now).as('j'))
    .select(['j.status', 'j.health', sql<number>`count(*)::int`.as('n')])
    .groupBy(['j.status', 'j.health'])
    .execute();
}

// ---- the CSV export ---------------------------------------------------------------------------------

/** Where the next page of the export starts: the last row read (its instant as PostgreSQL's text, microseconds kept). */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

/** One pair as the export reads it: the overview's facts, the two names, and counts of what happened, never a text. */
export interface ExportRow extends OverviewRow {
  cursor_at: string;
  mentor_name: string | null;
  mentee_name: string | null;
  meetings_held: number;
  agendas_shared: number;
  notes_recorded: number;
  goals: number;
  goals_achieved: number;
  feedback_asked: number;
  resources_explored: number;
  thanks_said: number;
}

/**
 * One page of every pair of the workspace, newest first, after `cursor`. Keyset paging over
 * pairs_program_order, so a page costs its own rows whatever its place, and pairs set up or removed
 * during the export neither repeat nor shift others. Each count is a probe of that pair's index
 * (goals_pair, meetings' pair index…): a page reads its pairs' rows only, never the whole workspace's.
 */
export async function exportPage(db: Executor, teamId: string, now: Date, cursor: ExportCursor | null, size: number): Promise<ExportRow[]> {
  const count = (from: string, where: string) => sql<number>`(select count(*)::int from ${sql.table(from)} x where x.pair_id = j.id and ${sql.raw(where)})`;
  const nameOf = (column: 'mentor_id' | 'mentee_id') =>
    sql<string | null>`(select pe.display_name from people pe where pe.team_id = ${teamId} and pe.user_id = ${sql.ref(`j.${column}`)})`;
  const rows = await db
    .selectFrom(judged(db, teamId, now, exportKeys(db, teamId, cursor, size)).as('j'))
    .selectAll('j')
    .select([
      sql<string>`j.created_at::text`.as('cursor_at'),
      nameOf('mentor_id').as('mentor_name'),
      nameOf('mentee_id').as('mentee_name'),
      count('meetings', "x.status = 'held'").as('meetings_held'),
      count('meetings', 'x.agenda_shared_at is not null').as('agendas_shared'),
      count('meetings', 'x.notes_recorded_at is not null').as('notes_recorded'),
      count('goals', "x.status <> 'dropped'").as('goals'),
      count('goals', "x.status = 'achieved'").as('goals_achieved'),
      count('feedback_requests', 'true').as('feedback_asked'),
      count('learning_resources', 'x.explored_at is not null').as('resources_explored'),
      count('appreciations', 'true').as('thanks_said'),
    ])
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .execute();
  return rows;
}

function exportKeys(db: Executor, teamId: string, cursor: ExportCursor | null, size: number) {
  return db
    .selectFrom('pairs')
    .select('id')
    .where('team_id', '=', teamId)
    .$if(cursor !== null, (query) => query.where(sql<boolean>`(created_at, id) < (${cursor!.createdAt}::timestamptz, ${cursor!.id}::uuid)`))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(size);
}

// ---- the habits -------------------------------------------------------------------------------------

/** One pair's counts in the last window and the one before it, and whether it was active in each. */
export interface HabitRow {
  in_current: boolean;
  in_previous: boolean;
  cur_goals: number;
  prev_goals: number;
  cur_meetings: number;
  prev_meetings: number;
  cur_agenda_before: number;
  prev_agenda_before: number;
  cur_with_notes: number;
  prev_with_notes: number;
  cur_meeting_highlights: number;
  prev_meeting_highlights: number;
  cur_feedback: number;
  prev_feedback: number;
  cur_resources: number;
  prev_resources: number;
  cur_updates: number;
  prev_updates: number;
  cur_thanks: number;
  prev_thanks: number;
}

/**
 * For every pair of the workspace active in either window ([previousFrom, currentFrom) and
 * [currentFrom, now)), what habits.ts judges it by, both windows in one query: each table's rows of
 * the workspace in the last 60 days are counted per pair in one grouped pass and joined to the pairs.
 * Measured at 10,000 pairs (docs/benchmarks.md) about five times faster than probing each pair's
 * index per table (90,000 probes). The cost: each table is read by team_id, which no index covers, so
 * on a database shared by many large workspaces the passes read the other workspaces' rows too.
 * Text columns are only tested for being empty; none is read.
 */
export async function habitCounts(db: Executor, teamId: string, now: Date, currentFrom: Date, previousFrom: Date): Promise<HabitRow[]> {
  /** A table's rows of the workspace in the two windows (by `instant`), counted per pair in one grouped pass. */
  const counted = (name: string, table: string, instant: string, where: string) => {
    const at = sql.ref(`x.${instant}`);
    return sql`${sql.raw(name)} as (
        select x.pair_id, (count(*) filter (where ${at} >= ${currentFrom}))::int as cur, (count(*) filter (where ${at} < ${currentFrom}))::int as prev
        from ${sql.table(table)} x where x.team_id = ${teamId} and ${sql.raw(where)} and ${at} >= ${previousFrom} and ${at} < ${now}
        group by x.pair_id)`;
  };
  const both = (name: string, alias: string) => sql.raw(`coalesce(${alias}.cur, 0) as cur_${name}, coalesce(${alias}.prev, 0) as prev_${name}`);
  // Meetings that took place: not skipped or cancelled, over by now; in a window by their start.
  const meetingCount = (name: string, where: RawBuilder<boolean>) =>
    sql`(count(*) filter (where mm.scheduled_at >= ${currentFrom} and ${where}))::int as ${sql.raw(`cur_${name}`)},
        (count(*) filter (where mm.scheduled_at < ${currentFrom} and ${where}))::int as ${sql.raw(`prev_${name}`)}`;
  const meetingColumns = ['meetings', 'agenda_before', 'with_notes', 'meeting_highlights'].map(
    (name) => `coalesce(m.cur_${name}, 0) as cur_${name}, coalesce(m.prev_${name}, 0) as prev_${name}`,
  );
  const result = await sql<HabitRow>`
    with
    g as (
      select gg.pair_id, (count(*) filter (where gg.created_at < ${now}))::int as cur, (count(*) filter (where gg.created_at < ${currentFrom}))::int as prev
      from goals gg where gg.team_id = ${teamId} and gg.status <> 'dropped' group by gg.pair_id
    ),
    m as (
      select mm.pair_id, ${meetingCount('meetings', sql`true`)},
        ${meetingCount('agenda_before', sql`mm.agenda_shared_at < mm.scheduled_at`)},
        ${meetingCount('with_notes', sql`mm.status = 'held'`)},
        ${meetingCount('meeting_highlights', sql`coalesce(mm.shared_highlight, '') <> ''`)}
      from meetings mm
      where mm.team_id = ${teamId} and mm.status in ('scheduled', 'held') and mm.scheduled_at >= ${previousFrom}
        and mm.scheduled_at + mm.duration_minutes * interval '1 minute' <= ${now}
      group by mm.pair_id
    ),
    ${counted('f', 'feedback_requests', 'created_at', 'true')},
    ${counted('r', 'learning_resources', 'explored_at', 'true')},
    ${counted('u', 'pair_updates', 'created_at', "(coalesce(x.win, '') <> '' or coalesce(x.blocker, '') <> '')")},
    ${counted('t', 'appreciations', 'created_at', 'true')}
    select
      p.ended_at is null or p.ended_at >= ${currentFrom} as in_current,
      p.started_on::timestamp at time zone 'UTC' < ${currentFrom} as in_previous,
      ${both('goals', 'g')}, ${both('feedback', 'f')}, ${both('resources', 'r')}, ${both('updates', 'u')}, ${both('thanks', 't')},
      ${sql.raw(meetingColumns.join(', '))}
    from pairs p
    left join g on g.pair_id = p.id
    left join m on m.pair_id = p.id
    left join f on f.pair_id = p.id
    left join r on r.pair_id = p.id
    left join u on u.pair_id = p.id
    left join t on t.pair_id = p.id
    where p.team_id = ${teamId} and p.status <> 'invited' and p.started_on::timestamp at time zone 'UTC' < ${now}
      and (p.ended_at is null or p.ended_at >= ${previousFrom})`.execute(db);
  return result.rows;
}

// ---- the weekly digest ------------------------------------------------------------------------------

/** A coordinator the digest may go to: added, or seen as an admin or owner; with their zone. */
export interface DigestRecipient {
  team_id: string;
  user_id: string;
  time_zone: string | null;
}

/**
 * Every coordinator of every installed workspace: the added ones and those Slack last said were admins
 * or owners (workspace_admins), less anyone whose account Slack said is deactivated.
 */
export async function digestRecipients(db: Executor): Promise<DigestRecipient[]> {
  const coordinators = db
    .selectFrom('program_coordinators')
    .select(['team_id', 'user_id'])
    .union(db.selectFrom('workspace_admins').select(['team_id', 'user_id']));
  return db
    .selectFrom(coordinators.as('c'))
    .innerJoin('workspaces as w', 'w.team_id', 'c.team_id')
    .leftJoin('people as pe', (join) => join.onRef('pe.team_id', '=', 'c.team_id').onRef('pe.user_id', '=', 'c.user_id'))
    .select(['c.team_id', 'c.user_id', 'pe.time_zone'])
    .where('w.uninstalled_at', 'is', null)
    .where('pe.deactivated_at', 'is', null)
    .orderBy('c.team_id')
    .orderBy('c.user_id')
    .execute();
}

/** The digest keys among `keys` already in the outbox (written by an earlier pass or another replica). */
export async function digestsWritten(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'in', keys).execute();
  return new Set(rows.map((row) => row.dedupe_key));
}

/** Pairs set up, or ended, since `since`: the first `limit` newest first, and how many in all. */
export async function pairsSince(
  db: Executor,
  teamId: string,
  column: 'created_at' | 'ended_at',
  since: Date,
  limit: number,
): Promise<{ total: number; pairs: Array<{ mentorId: string; menteeId: string }> }> {
  const rows = await db
    .selectFrom('pairs')
    .select(['mentor_id', 'mentee_id', sql<number>`count(*) over ()::int`.as('total')])
    .where('team_id', '=', teamId)
    .where(column, '>=', since)
    .$if(column === 'ended_at', (query) => query.where('status', '=', 'ended'))
    .orderBy(column, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return { total: rows[0]?.total ?? 0, pairs: rows.map((row) => ({ mentorId: row.mentor_id, menteeId: row.mentee_id })) };
}
