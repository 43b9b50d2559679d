import type { Goal, Pair } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { DomainError } from '../../errors';
import { isMember } from '../pairs/membership';
import { findPair } from '../pairs/pairs.repository';
import { findGoal, listItems, lockGoal, type ProgressItem } from './goals.repository';

/** A goal with what every view of it needs: its pair and its key results and milestones. */
export interface GoalDetails {
  goal: Goal;
  pair: Pair;
  items: ProgressItem[];
}

export { isMember };

const notYours = (): DomainError => new DomainError('not_in_pair', 'That goal belongs to a mentorship you are not part of.');

/**
 * The goal and its pair, for one of the pair's two people; anyone else is told it is not theirs,
 * whether or not it exists (ids from buttons and metadata are claims, not proof).
 */
export async function goalForMember(db: Executor, teamId: string, goalId: string, userId: string): Promise<{ goal: Goal; pair: Pair }> {
  const goal = await findGoal(db, teamId, goalId);
  const pair = goal ? await findPair(db, teamId, goal.pair_id) : undefined;
  if (!goal || !pair || !isMember(pair, userId)) throw notYours();
  return { goal, pair };
}

/** As goalForMember, with the goal row locked until the transaction ends. */
export async function lockedGoalForMember(tx: Tx, teamId: string, goalId: string, userId: string): Promise<{ goal: Goal; pair: Pair }> {
  const goal = await lockGoal(tx, teamId, goalId);
  const pair = goal ? await findPair(tx, teamId, goal.pair_id) : undefined;
  if (!goal || !pair || !isMember(pair, userId)) throw notYours();
  return { goal, pair };
}

export async function pairForMember(db: Executor, teamId: string, pairId: string, userId: string): Promise<Pair> {
  const pair = await findPair(db, teamId, pairId);
  if (!pair || !isMember(pair, userId)) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
  return pair;
}

export async function withItems(db: Executor, found: { goal: Goal; pair: Pair }): Promise<GoalDetails> {
  return { ...found, items: await listItems(db, [found.goal.id]) };
}

/** Items in the order they were typed: key results first, then milestones. */
export function itemsOf(items: readonly ProgressItem[], goalId: string): ProgressItem[] {
  return items
    .filter((item) => item.goal_id === goalId)
    .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'key_result' ? -1 : 1));
}
