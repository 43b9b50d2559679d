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
  /** Either person's latest shared check-in says "not working"; its note, shared by its author with the coordinators. */
  shared_not_working: boolean;
  shared_note: string | null;
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
      sql<string | null>`shared.note`.as('shared_note'),
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
            sql`(select distinct on (c.user_id) c.answer, c.note, c.answered_at from progress_check_ins c
               where c.pair_id = p.id and c.shared order by c.user_id, c.answered_at desc)`.as('latest'),
          )
          .select([sql<string | null>`latest.note`.as('note'), sql<Date>`latest.answered_at`.as('answered_at')])
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
