import { goalReflectionModal } from '../../blocks/goal-progress-modal';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';

/** "Write my reflection" (value = goal id) in the mentee's DM after a goal is achieved. */
export function goalReflectOpen(deps: AppDeps) {
  return goalAction(deps, 'goal_reflect', async ({ body, client }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'reflect pressed without a goal id');
    const details = await deps.services.goalProgress.forReflection(where.teamId, goalId, where.userId);
    const prompt = where.channelId && where.messageTs && !where.ephemeral ? { channelId: where.channelId, ts: where.messageTs } : undefined;
    await client.views.open({ trigger_id: body.trigger_id, view: goalReflectionModal(details, prompt) });
  });
}
