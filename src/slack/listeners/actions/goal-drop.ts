import { goalTitle } from '../../blocks/goal-format';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';
import { refreshApprovalMessage, refreshHomes, showGoalList } from './goal-effects';

/** Drop (value = goal id), by either person, for a goal still being worked on. */
export function goalDrop(deps: AppDeps) {
  return goalAction(deps, 'goal_drop', async ({ client, respond }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'drop pressed without a goal id');
    const details = await deps.services.goals.drop(where.teamId, goalId, where.userId);
    log.info({ goalId }, 'goal dropped');
    await refreshApprovalMessage(client, details, log);
    await showGoalList(client, deps, { ...where, replace: where.ephemeral ? respond : undefined }, `:wastebasket: Dropped ${goalTitle(details.goal)}.`, log);
    await refreshHomes(client, deps, details);
  });
}
