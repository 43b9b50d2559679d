import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { formValuesOf, goalModal } from '../../blocks/goal-modal';

/** Edit (value = goal id): the goal modal filled with the goal as it is, for either person of the pair. */
export const goalEdit = onAction({
  name: 'goal_edit',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goals.forEdit(actor, goalId),
  reply: ({ goal, plannedEnd }, { actor }) => ({
    kind: 'open',
    view: goalModal({
      pairId: goal.pairId,
      goal: { id: goal.id, status: goal.status, viewerIsMentor: actor.userId === goal.mentorId },
      values: formValuesOf(goal),
      plannedEnd,
      originChannelId: actor.channelId,
    }),
  }),
});
