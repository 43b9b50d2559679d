import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isDomainError } from '../../../errors';
import { goalTitle, progressText } from '../../blocks/goal-format';
import { escapeText } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { ProgressMetadata } from '../../inputs/goal-values';
import { parseProgressForm } from '../../inputs/goal-progress-form';
import { decodeMetadata } from '../../inputs/metadata';
import { refreshHomes, showGoalList } from '../actions/goal-effects';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Saves key-result values and ticks; each changed item records who changed it and when. */
export function goalProgressSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const meta = decodeMetadata(ProgressMetadata, view.private_metadata);
    if (!meta) return ack({ response_action: 'clear' });
    const form = parseProgressForm(view.state.values, meta.shown);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const who = { teamId: body.team?.id ?? view.team_id, userId: body.user.id };
    let saved;
    try {
      saved = await deps.services.goalProgress.updateProgress(who.teamId, meta.goalId, who.userId, form.input);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      // The modal has no field that could fix a refusal: close it and say why.
      await ack({ response_action: 'clear' });
      return showGoalList(client, deps, { ...who, channelId: meta.origin }, `:warning: ${escapeText(error.message)}`, log);
    }
    await ack();
    log.info({ goalId: meta.goalId, changed: saved.changed }, 'goal progress saved');
    const notice = `:chart_with_upwards_trend: ${goalTitle(saved.details.goal)}: ${progressText(saved.details.items)}.`;
    await showGoalList(client, deps, { ...who, channelId: meta.origin }, notice, log);
    await refreshHomes(client, deps, saved.details);
  };
}
