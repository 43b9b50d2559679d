import type { Goal, Pair } from '../../db/schema';
import type { Actor } from '../actor';
import type { Recorded } from '../effects/effects';
import type { DomainEvent } from '../effects/events';
import type { GoalAccess, GoalOfMember } from './goal-access';
import type { GoalView } from './goal-view';
import type { GoalPatch } from './goals.repository';

/**
 * What the mentor's review of a goal reads and writes, inside one transaction. On the database it is
 * `goalReviewStoreOn` (the repositories, with the goal row locked); the fast test tier gives it an
 * in-memory one, so "only the pair's mentor approves, and only the version they saw" is proved both ways.
 */
export interface GoalReviewWrites {
  /** The goal access check (`goal-access.ts`), the goal row locked until the transaction ends. */
  lockGoalOfMember(actor: Actor, goalId: unknown, options: GoalAccess): Promise<GoalOfMember>;
  view(goal: Goal, pair: Pair): Promise<GoalView>;
  zoneOf(teamId: string, userId: string): Promise<string | undefined>;
  updateGoal(goalId: string, patch: GoalPatch): Promise<Goal>;
  record(teamId: string, events: readonly DomainEvent[]): Promise<Recorded>;
}

export interface GoalReviewStore {
  /** One transaction: the goal's change and the notices its event causes commit together, or not at all. */
  transaction<T>(work: (tx: GoalReviewWrites) => Promise<T>): Promise<T>;
}
