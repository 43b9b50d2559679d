import { reflectionPromptDm } from '../../blocks/goal-messages';
import { goalCelebrationMessage } from '../../blocks/goal-share';
import { goalTitle } from '../../blocks/goal-format';
import type { AppDeps } from '../../context';
import { postToChannel, slackErrorCode } from '../../messenger';
import { parseId } from '../../inputs/goal-values';
import { goalAction } from './goal-action';
import { dm, refreshApprovalMessage, refreshHomes, showGoalList } from './goal-effects';

/**
 * Mark achieved (value = goal id), by either person: a short celebration in the goals channel, the
 * approval message updated, and the mentee asked for a one-line reflection.
 */
export function goalAchieve(deps: AppDeps) {
  return goalAction(deps, 'goal_achieve', async ({ client, respond }, { value, where, log }) => {
    const goalId = parseId(value);
    if (!goalId) return log.warn({ value }, 'achieve pressed without a goal id');
    const details = await deps.services.goalProgress.achieve(where.teamId, goalId, where.userId);
    log.info({ goalId }, 'goal achieved');
    await postToChannel(client, details.pair.goals_channel_id, goalCelebrationMessage(details)).catch((error: unknown) =>
      log.warn({ code: slackErrorCode(error) }, 'goal celebration post failed'),
    );
    await refreshApprovalMessage(client, details, log);
    await dm(client, deps, details.pair.team_id, details.pair.mentee_id, reflectionPromptDm(details), log);
    await showGoalList(client, deps, { ...where, replace: where.ephemeral ? respond : undefined }, `:tada: ${goalTitle(details.goal)} is achieved.`, log);
    await refreshHomes(client, deps, details);
  });
}
