import { formValuesOf, goalModal } from '../../blocks/goal-modal';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';

/** Edit (value = goal id): the goal modal filled with the goal as it is, for either person of the pair. */
export function goalEdit(deps: AppDeps) {
  return goalAction(deps, 'goal_edit', async ({ body, client }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'edit goal pressed without a goal id');
    const { goal, pair, items } = await deps.services.goals.forEdit(where.teamId, goalId, where.userId);
    const view = goalModal({
      pairId: pair.id,
      goal: { id: goal.id, status: goal.status },
      values: formValuesOf(goal, items),
      plannedEnd: pair.planned_end_on,
      originChannelId: where.channelId,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
    log.info({ goalId: goal.id }, 'goal edit modal opened');
  });
}
