import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';
import { refreshHomes, shareGoal, showGoalList } from './goal-effects';

/** Share for approval (value = goal id): posts the goal in the pair's goals channel for the mentor. */
export function goalShare(deps: AppDeps) {
  return goalAction(deps, 'goal_share', async ({ client, respond }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'share pressed without a goal id');
    const { details, notice } = await shareGoal(client, deps, where, goalId, log);
    await showGoalList(client, deps, { ...where, replace: where.ephemeral ? respond : undefined }, notice, log);
    await refreshHomes(client, deps, details);
  });
}
