import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { EffectsRecorder } from '../effects/effects';
import { findPerson } from '../people/people.repository';
import { goalOfMember, viewOf } from './goal-access';
import type { GoalReviewStore } from './goal-review.store';
import { updateGoal } from './goals.repository';

/** The review store on the database: each method is one repository call in the review's transaction. */
export function goalReviewStoreOn(db: Kysely<Database>, effects: EffectsRecorder): GoalReviewStore {
  return {
    transaction: (work) =>
      db.transaction().execute((tx) =>
        work({
          lockGoalOfMember: (actor, goalId, options) => goalOfMember(tx, actor, goalId, { ...options, lock: true }),
          view: (goal, pair) => viewOf(tx, goal, pair),
          zoneOf: async (teamId, userId) => (await findPerson(tx, teamId, userId))?.time_zone,
          updateGoal: (goalId, patch) => updateGoal(tx, goalId, patch),
          record: (teamId, events) => effects.record(tx, teamId, events),
        }),
      ),
  };
}
