import { sql } from 'kysely';
import { goalFromJson, pairFromJson, progressItemFromJson } from '../../db/json-rows';
import type { Goal, GoalStatus, Pair } from '../../db/schema';
import type { Executor } from '../../db/types';
import { MAX_PAIRS_LISTED } from '../pairs/pair-rules';
import { ACTIVE_STATUSES } from './goal-rules';
import type { ProgressItem } from './goals.repository';
import { PREPARED } from '../../db/prepared';

/** Everything a person's goal list shows, for each of their pairs. */
export interface GoalOverviewRows {
  /** As listPairsOf gives them: not ended, the newest MAX_PAIRS_LISTED, oldest first. */
  pairs: Pair[];
  /**
   * Per pair, the goals still on the go, soonest target first, at most `goalsPerPair` of them: a pair
   * with years of history costs the list no more than a new one (the rest are counted, not loaded).
   */
  active: Goal[];
  /** Per pair, how many goals are in each status (as goalStatusCounts). */
  counts: Array<{ pair_id: string; status: GoalStatus; n: number }>;
  /** Per pair, its most recently achieved goals (title and when), newest first, at most `achievedPerPair`. */
  achieved: Array<{ pair_id: string; title: string; achieved_at: Date | null }>;
  /** The key results and milestones of the active goals, as listItems orders them. */
  items: ProgressItem[];
  /** The pairs that have a SWOT analysis. */
  swotPairIds: string[];
  /** Display names of the other person of each pair, where known. */
  names: Record<string, string>;
}

/**
 * A person's goal list in one statement: it is the answer to every goal change (the ephemeral after a
 * submission) and to `/mentorship goals`, and as seven reads it cost seven statements, each costing the
 * process more CPU in the driver than the database spends on it. The pairs, counts and items have the
 * filters and orders of listPairsOf, goalStatusCounts and listItems (a test compares them).
 */
export async function readGoalOverview(
  db: Executor,
  teamId: string,
  userId: string,
  limits: { goalsPerPair: number; achievedPerPair: number },
): Promise<GoalOverviewRows> {
  const activeStatuses = sql.join(ACTIVE_STATUSES.map((status) => sql`${status}`));
  const { rows } = await sql<{
    pairs: unknown[];
    active: unknown[];
    counts: GoalOverviewRows['counts'];
    achieved: Array<{ pair_id: string; title: string; achieved_at: string | null }>;
    items: unknown[];
    swot_pair_ids: string[];
    names: Record<string, string>;
  }>`${PREPARED}
    with my_pairs as (
      select * from pairs
      where team_id = ${teamId} and (mentor_id = ${userId} or mentee_id = ${userId}) and status <> 'ended'
      order by created_at desc limit ${MAX_PAIRS_LISTED}
    ),
    active as (
      select * from (
        select g.*, row_number() over (partition by pair_id order by target_date, created_at, id) as rn
        from goals g
        where team_id = ${teamId} and pair_id in (select id from my_pairs) and status in (${activeStatuses})
      ) ranked
      where rn <= ${limits.goalsPerPair}
    ),
    achieved as (
      select * from (
        select pair_id, title, achieved_at, row_number() over (partition by pair_id order by achieved_at desc nulls last, id) as rn
        from goals
        where team_id = ${teamId} and pair_id in (select id from my_pairs) and status = 'achieved'
      ) ranked
      where rn <= ${limits.achievedPerPair}
    )
    select
      (select coalesce(json_agg(my_pairs order by created_at), '[]') from my_pairs) as pairs,
      (select coalesce(json_agg(active order by pair_id, rn), '[]') from active) as active,
      (select coalesce(json_agg(c), '[]') from (
        select pair_id, status, count(*)::int as n from goals where pair_id in (select id from my_pairs) group by pair_id, status
      ) c) as counts,
      (select coalesce(json_agg(json_build_object('pair_id', pair_id, 'title', title, 'achieved_at', achieved_at) order by pair_id, rn), '[]')
        from achieved) as achieved,
      (select coalesce(json_agg(i order by goal_id, kind, position), '[]') from goal_progress_items i
        where goal_id in (select id from active)) as items,
      (select coalesce(json_agg(distinct s.pair_id), '[]') from swot_assessments s
        where s.team_id = ${teamId} and s.pair_id in (select id from my_pairs)) as swot_pair_ids,
      (select coalesce(json_object_agg(p.user_id, p.display_name), '{}') from people p
        where p.team_id = ${teamId}
          and p.user_id in (select case when mentor_id = ${userId} then mentee_id else mentor_id end from my_pairs)) as names`.execute(db);
  const row = rows[0]!;
  return {
    pairs: row.pairs.map(pairFromJson),
    active: row.active.map((json) => {
      const { rn: _rn, ...goal } = goalFromJson(json) as Goal & { rn?: number };
      return goal;
    }),
    counts: row.counts,
    achieved: row.achieved.map((goal) => ({ ...goal, achieved_at: goal.achieved_at === null ? null : new Date(goal.achieved_at) })),
    items: row.items.map(progressItemFromJson),
    swotPairIds: row.swot_pair_ids,
    names: row.names,
  };
}
