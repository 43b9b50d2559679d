import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { changesRequestedDm } from '../../blocks/goal-messages';
import { STATUS_LABELS } from '../../blocks/goal-format';
import { type AppDeps, requestLog } from '../../context';
import { GoalChangesModal } from '../../ids';
import { ChangesMetadata, parseComment } from '../../inputs/goal-values';
import { decodeMetadata } from '../../inputs/metadata';
import { dm, refreshApprovalMessage, refreshHomes, refreshPressedMessage } from '../actions/goal-effects';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const onComment = (message: string) => ({ response_action: 'errors' as const, errors: { [GoalChangesModal.blocks.comment]: message } });

/**
 * The mentor's comment: the goal goes to "changes requested", the approval message says so and the
 * mentee gets the comment by DM. If the goal moved on while the mentor was writing, the comment
 * stays in the modal (nothing typed is lost) and the channel message is refreshed.
 */
export function goalChangesSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseComment(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const meta = decodeMetadata(ChangesMetadata, view.private_metadata);
    if (!meta) return ack(onComment('This form is out of date. Copy your comment, close it and press Request changes again.'));
    const teamId = body.team?.id ?? view.team_id;
    const outcome = await deps.services.goalReviews.requestChanges(teamId, meta.goalId, meta.version, body.user.id, form.comment);
    if (outcome.kind === 'forbidden') return ack(onComment("Only the pair's mentor can request changes to this goal."));
    if (outcome.kind === 'missing') return ack(onComment('That goal no longer exists.'));
    if (outcome.kind === 'stale') {
      const now = STATUS_LABELS[outcome.details.goal.status].replace(/^:[a-z_]+: /, '').toLowerCase();
      await ack(onComment(`The goal changed while you were writing (it is now ${now}). Copy your comment if you still need it, close this and look at the refreshed message.`));
      return refreshPressedMessage(client, outcome.details, { channelId: meta.channelId, ts: meta.ts }, log);
    }
    await ack();
    const { details } = outcome;
    log.info({ goalId: details.goal.id }, 'goal changes requested');
    await refreshApprovalMessage(client, details, log);
    await dm(client, deps, teamId, details.pair.mentee_id, changesRequestedDm(details), log);
    await refreshHomes(client, deps, details);
  };
}
