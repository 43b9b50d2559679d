import type { Goal, Pair } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import { parseUuid } from '../ids';
import { type AccessOptions, checkMembership, type Membership } from '../pairs/access';
import { findPair } from '../pairs/pairs.repository';
import { findGoal, listItems, lockGoal } from './goals.repository';
import { type GoalView, goalViewOf } from './goal-view';

export const NOT_YOUR_GOAL = 'That goal belongs to a mentorship you are not part of.';
export const GOAL_GONE = 'That goal no longer exists.';

export interface GoalAccess extends Omit<AccessOptions, 'refusals'> {
  /** How the refusals are worded, from the goal's pair (approval names the pair's mentor). Default: NOT_YOUR_GOAL. */
  refusals?: AccessOptions['refusals'] | ((pair: Pair) => AccessOptions['refusals']);
  /** What to say about a goal that does not exist; by default the stranger's answer, so ids cannot be probed. */
  missing?: string;
}

export type GoalOfMember = Membership & { goal: Goal };

/**
 * The goal `goalId` names, for one of its pair's two people: the one access check of
 * src/domain/pairs/access.ts, reached through the goal. The id is a claim (a button value,
 * private_metadata): one that is not a uuid never reaches SQL, and anyone outside the pair gets the
 * same answer whether the goal exists or not. `lock` locks the goal row for the transaction: two
 * presses of Approve, or an approval racing an edit, are serialised on it.
 */
export function goalOfMember(db: Tx, actor: Actor, goalId: unknown, options: GoalAccess & { lock: true }): Promise<GoalOfMember>;
export function goalOfMember(db: Executor, actor: Actor, goalId: unknown, options?: GoalAccess & { lock?: false }): Promise<GoalOfMember>;
export async function goalOfMember(db: Executor, actor: Actor, goalId: unknown, options: GoalAccess = {}): Promise<GoalOfMember> {
  const id = parseUuid(goalId);
  const goal = !id ? undefined : options.lock ? await lockGoal(db as Tx, actor.teamId, id) : await findGoal(db, actor.teamId, id);
  const pair = goal ? await findPair(db, actor.teamId, goal.pair_id) : undefined;
  return checkGoalAccess(goal, pair, actor, options);
}

/** The same rules for a goal and its pair already loaded (or not found: undefined). */
export function checkGoalAccess(goal: Goal | undefined, pair: Pair | undefined, actor: Actor, options: GoalAccess = {}): GoalOfMember {
  const worded = typeof options.refusals === 'function' ? (pair ? options.refusals(pair) : undefined) : options.refusals;
  const refusals = { notMember: NOT_YOUR_GOAL, ...worded };
  if (!goal || !pair) throw new DomainError(options.missing ? 'not_found' : 'not_in_pair', options.missing ?? refusals.notMember);
  return { ...checkMembership(pair, actor, { role: options.role, states: options.states, refusals }), goal };
}

/** The goal as the screens show it, read in the caller's transaction. */
export async function viewOf(db: Executor, goal: Goal, pair: Pair): Promise<GoalView> {
  return goalViewOf(goal, pair, await listItems(db, [goal.id]));
}
