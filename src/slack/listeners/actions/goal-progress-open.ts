import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { goalProgressModal } from '../../blocks/goal-progress-modal';

/** Update progress (value = goal id): key results and milestones, with who last changed each and when. */
export const goalProgressOpen = onAction({
  name: 'goal_progress',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goalProgress.forProgress(actor, goalId),
  reply: (form, { actor }) => ({ kind: 'open', view: goalProgressModal(form.goal, { timeZone: form.viewerZone, names: form.names }, actor.channelId) }),
});
