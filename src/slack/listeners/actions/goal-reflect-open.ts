import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { goalReflectionModal } from '../../blocks/goal-progress-modal';

/**
 * "Write my reflection" (value = goal id) in the mentee's DM after a goal is achieved. The modal
 * remembers the prompt, so its button can be taken away once the reflection is saved.
 */
export const goalReflectOpen = onAction({
  name: 'goal_reflect',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goalProgress.forReflection(actor, goalId),
  reply: (goal, { actor, messageTs, ephemeral }) => ({
    kind: 'open',
    view: goalReflectionModal(goal, actor.channelId && messageTs && !ephemeral ? { channelId: actor.channelId, ts: messageTs } : undefined),
  }),
});
