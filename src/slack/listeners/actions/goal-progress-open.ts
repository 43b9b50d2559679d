import { goalProgressModal } from '../../blocks/goal-progress-modal';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';

/** Update progress (value = goal id): key results and milestones, with who last changed each and when. */
export function goalProgressOpen(deps: AppDeps) {
  return goalAction(deps, 'goal_progress', async ({ body, client }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'progress pressed without a goal id');
    const details = await deps.services.goalProgress.forProgress(where.teamId, goalId, where.userId);
    const editors = details.items.flatMap((item) => (item.updated_by ? [item.updated_by] : []));
    const [viewer, names] = await Promise.all([
      deps.services.people.find(where.teamId, where.userId),
      deps.services.people.displayNames(where.teamId, editors),
    ]);
    const view = goalProgressModal(details, { timeZone: viewer?.time_zone ?? 'UTC', names }, where.channelId);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
