import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { feedbackAnsweredDm, feedbackAppliedDm, feedbackDoneMessage } from '../../blocks/feedback-messages';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { FeedbackModal } from '../../ids';
import { feedbackRequestIdOf, readFeedbackApplication } from '../../inputs/feedback-form';
import { originChannel, sourceMessageOf } from '../../inputs/origin';
import { submissionRefusal, tellPrivately, tryDm, updateSource } from '../../interaction-replies';
import { zoneOf } from '../../known-person';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const BLOCK = FeedbackModal.apply.blocks.application;

/** Stores how the mentee applied the feedback and tells the mentor. */
export function feedbackApplySubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const requestId = feedbackRequestIdOf(view.private_metadata);
    if (!requestId) return ack({ response_action: 'errors', errors: { [BLOCK]: 'This form has expired; open the answer again.' } });
    const result = await deps.services.feedback
      .reportApplication({ teamId, requestId, userId, application: readFeedbackApplication(view.state.values) })
      .catch((error: unknown) => submissionRefusal(error, BLOCK, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) return ack({ response_action: 'errors', errors: { [BLOCK]: result.errors.application ?? '' } });
    await ack();

    const { request, pair } = result;
    log.info({ requestId }, 'feedback application reported');
    const dm = feedbackAppliedDm(request, await zoneOf(deps, teamId, pair.mentor_id));
    const delivered = await tryDm(client, deps, { teamId, userId: pair.mentor_id }, dm, log);
    const to = mention(pair.mentor_id);
    const confirmation = delivered ? `Told ${to} how you applied their feedback.` : `Saved, but I couldn't DM ${to} just now.`;
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, feedbackDoneMessage(confirmation));
    const zone = await zoneOf(deps, teamId, userId);
    await updateSource(client, deps, { teamId, userId, log }, sourceMessageOf(view.private_metadata), feedbackAnsweredDm(request, zone, true));
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
