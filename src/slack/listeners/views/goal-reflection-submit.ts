import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isDomainError } from '../../../errors';
import { reflectionSavedDm } from '../../blocks/goal-messages';
import { type AppDeps, requestLog } from '../../context';
import { GoalReflectionModal } from '../../ids';
import { parseReflection, ReflectionMetadata } from '../../inputs/goal-values';
import { decodeMetadata } from '../../inputs/metadata';
import { slackErrorCode } from '../../messenger';
import { refreshApprovalMessage, refreshHomes } from '../actions/goal-effects';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The mentee's one-line reflection on an achieved goal; the approval message and the DM show it. */
export function goalReflectionSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseReflection(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const meta = decodeMetadata(ReflectionMetadata, view.private_metadata);
    const field = GoalReflectionModal.blocks.reflection;
    if (!meta) return ack({ response_action: 'errors', errors: { [field]: 'This form is out of date; close it and press the button again.' } });
    const teamId = body.team?.id ?? view.team_id;
    let details;
    try {
      details = await deps.services.goalProgress.reflect(teamId, meta.goalId, body.user.id, form.reflection);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [field]: error.message } });
    }
    await ack();
    log.info({ goalId: details.goal.id }, 'goal reflection saved');
    await refreshApprovalMessage(client, details, log);
    // The prompt's location is a claim: only a message in the mentee's own DM with the bot is replaced.
    const dmChannel = await deps.services.people.dmChannel(teamId, body.user.id);
    if (meta.prompt && meta.prompt.channelId === dmChannel) {
      await client.chat
        .update({ channel: meta.prompt.channelId, ts: meta.prompt.ts, ...reflectionSavedDm(details) })
        .catch((error: unknown) => log.warn({ code: slackErrorCode(error) }, 'reflection prompt update failed'));
    }
    await refreshHomes(client, deps, details);
  };
}
