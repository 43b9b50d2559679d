import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { goalTitle } from '../../blocks/goal-format';
import { freshGoalListReply } from './goal-list-reply';

/** Drop (value = goal id), by either person, for a goal still being worked on; its approval message says so. */
export const goalDrop = onAction({
  name: 'goal_drop',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goals.drop(actor, goalId),
  reply: ({ goal }, press, deps) => freshGoalListReply(deps, press, `:wastebasket: Dropped ${goalTitle(goal)}.`),
});
