import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { defaultTargetDate, goalModal } from '../../blocks/goal-modal';

/**
 * OpenActions.addGoal (value = pair id), from any surface: the goal list, a DM, the Home tab or an
 * ephemeral message. Membership is checked before the modal opens.
 */
export const goalAdd = onAction({
  name: 'goal_add',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.goals.formContext(actor, pairId),
  reply: (form, { actor }) => ({
    kind: 'open',
    view: goalModal({
      pairId: form.pairId,
      values: { targetDate: defaultTargetDate(form.today, form.plannedEnd) },
      plannedEnd: form.plannedEnd,
      advice: form.advice,
      originChannelId: actor.channelId,
    }),
  }),
});
