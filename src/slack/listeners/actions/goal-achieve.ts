import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { goalTitle } from '../../blocks/goal-format';
import { freshGoalListReply } from './goal-list-reply';

/**
 * Mark achieved (value = goal id), by either person: a short celebration in the goals channel, the
 * approval message updated, and the mentee asked for a one-line reflection (all through the outbox).
 */
export const goalAchieve = onAction({
  name: 'goal_achieve',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goalProgress.achieve(actor, goalId),
  reply: ({ goal }, press, deps) => freshGoalListReply(deps, press, `:tada: ${goalTitle(goal)} is achieved.`),
});
