import { defaultTargetDate, goalModal } from '../../blocks/goal-modal';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';

/**
 * OpenActions.addGoal (value = pair id), from any surface: the goal list, a DM, the Home tab or an
 * ephemeral message. Membership is checked before the modal opens.
 */
export function goalAdd(deps: AppDeps) {
  return goalAction(deps, 'goal_add', async ({ body, client }, { value, where, log }) => {
    const pairId = parseId(value);
    if (!pairId) return log.warn({ value }, 'add goal pressed without a pair id');
    const { pair, today, advice } = await deps.services.goals.formContext(where.teamId, pairId, where.userId);
    const view = goalModal({
      pairId: pair.id,
      values: { targetDate: defaultTargetDate(today, pair.planned_end_on) },
      plannedEnd: pair.planned_end_on,
      advice,
      originChannelId: where.channelId,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
    log.info({ pairId: pair.id }, 'goal modal opened');
  });
}
