import type { Kysely } from 'kysely';
import type { Database, Goal, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { findPair } from '../pairs/pairs.repository';
import { type GoalDetails, withItems } from './goal-access';
import { lockGoal, updateGoal } from './goals.repository';

/**
 * What a press of Approve or Request changes leads to. The button carries the goal id and the
 * version it was rendered for; both are claims, checked here against the locked row.
 */
export type ReviewOutcome =
  /** The change was made (or, for a check, may be made). */
  | { kind: 'done'; details: GoalDetails }
  /** Not the pair's mentor: nothing changes. */
  | { kind: 'forbidden'; mentorId: string }
  /** The message showed an older version or state: refresh it instead of acting. */
  | { kind: 'stale'; details: GoalDetails }
  | { kind: 'missing' };

type Decision = { kind: 'go'; goal: Goal; pair: Pair } | Exclude<ReviewOutcome, { kind: 'done' }>;

/** The mentor's side of goals: approving, or asking for changes with a comment. */
export class GoalReviewService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  approve(teamId: string, goalId: string, version: number, userId: string): Promise<ReviewOutcome> {
    return this.review(teamId, goalId, version, userId, (tx, goal) =>
      updateGoal(tx, goal.id, {
        status: 'approved',
        version: goal.version + 1,
        approved_by: userId,
        approved_at: this.clock(),
        changes_comment: null,
      }),
    );
  }

  /** Whether the press of Request changes may open the comment modal; changes nothing. */
  async checkReviewable(teamId: string, goalId: string, version: number, userId: string): Promise<ReviewOutcome> {
    return this.review(teamId, goalId, version, userId, async (_tx, goal) => goal);
  }

  requestChanges(teamId: string, goalId: string, version: number, userId: string, comment: string): Promise<ReviewOutcome> {
    return this.review(teamId, goalId, version, userId, (tx, goal) =>
      updateGoal(tx, goal.id, { status: 'changes_requested', version: goal.version + 1, changes_comment: comment }),
    );
  }

  private review(
    teamId: string,
    goalId: string,
    version: number,
    userId: string,
    change: (tx: Tx, goal: Goal) => Promise<Goal>,
  ): Promise<ReviewOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const decision = await decide(tx, teamId, goalId, version, userId);
      if (decision.kind !== 'go') return decision;
      const changed = await change(tx, decision.goal);
      return { kind: 'done', details: await withItems(tx, { goal: changed, pair: decision.pair }) };
    });
  }
}

async function decide(tx: Tx, teamId: string, goalId: string, version: number, userId: string): Promise<Decision> {
  const goal = await lockGoal(tx, teamId, goalId);
  const pair = goal ? await findPair(tx, teamId, goal.pair_id) : undefined;
  if (!goal || !pair) return { kind: 'missing' };
  // Authorization first: a stranger pressing an outdated message learns nothing and changes nothing.
  if (pair.mentor_id !== userId) return { kind: 'forbidden', mentorId: pair.mentor_id };
  if (goal.version !== version || goal.status !== 'awaiting_approval') return { kind: 'stale', details: await withItems(tx, { goal, pair }) };
  return { kind: 'go', goal, pair };
}
