import { checkGoalAccess } from '../../../src/domain/goals/goal-access';
import type { GoalReviewStore } from '../../../src/domain/goals/goal-review.store';
import { goalViewOf } from '../../../src/domain/goals/goal-view';
import { parseUuid } from '../../../src/domain/ids';
import type { MemoryWorld } from './world';

/** The review store in memory. Transactions run one at a time, which is what the goal row lock gives on the database. */
export function memoryGoalReviewStore(world: MemoryWorld): GoalReviewStore {
  return {
    transaction: (work) =>
      world.transaction(() =>
        work({
          lockGoalOfMember: async (actor, goalId, options) => {
            const id = parseUuid(goalId);
            const goal = world.tables.goals.find((row) => row.team_id === actor.teamId && row.id === id);
            return checkGoalAccess(goal && { ...goal }, goal && world.findPair(actor.teamId, goal.pair_id), actor, options);
          },
          view: async (goal, pair) => goalViewOf(goal, pair, []),
          zoneOf: async (teamId, userId) => world.findPerson(teamId, userId)?.time_zone,
          updateGoal: async (goalId, patch) => {
            const row = world.tables.goals.find((candidate) => candidate.id === goalId);
            if (!row) throw new Error(`no goal ${goalId}`);
            Object.assign(row, patch);
            return { ...row };
          },
          record: (teamId, events) => world.record(teamId, events),
        }),
      ),
  };
}
