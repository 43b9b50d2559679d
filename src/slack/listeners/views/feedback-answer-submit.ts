import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { feedbackAnsweredDm, feedbackDoneMessage, feedbackRequestedDm } from '../../blocks/feedback-messages';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { FeedbackModal } from '../../ids';
import { feedbackRequestIdOf, readFeedbackAnswer } from '../../inputs/feedback-form';
import { originChannel, sourceMessageOf } from '../../inputs/origin';
import { submissionRefusal, tellPrivately, tryDm, updateSource } from '../../interaction-replies';
import { zoneOf } from '../../known-person';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const ANSWER_BLOCK = FeedbackModal.answer.blocks.answer;

/** Stores the answer and DMs it to the person who asked (a mentee also gets "Report how I applied it"). */
export function feedbackAnswerSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const requestId = feedbackRequestIdOf(view.private_metadata);
    if (!requestId) return ack({ response_action: 'errors', errors: { [ANSWER_BLOCK]: 'This form has expired; open the request again.' } });
    const result = await deps.services.feedback
      .answer({ teamId, requestId, userId, answer: readFeedbackAnswer(view.state.values) })
      .catch((error: unknown) => submissionRefusal(error, ANSWER_BLOCK, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) return ack({ response_action: 'errors', errors: { [ANSWER_BLOCK]: result.errors.answer ?? '' } });
    await ack();

    const { request, pair } = result;
    log.info({ requestId }, 'feedback answered');
    const canReport = request.requester_id === pair.mentee_id;
    const dm = feedbackAnsweredDm(request, await zoneOf(deps, teamId, request.requester_id), canReport);
    const delivered = await tryDm(client, deps, { teamId, userId: request.requester_id }, dm, log);
    const to = mention(request.requester_id);
    const confirmation = delivered ? `Sent your answer to ${to}. Thank you!` : `Your answer is saved, but I couldn't DM ${to} just now.`;
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, feedbackDoneMessage(confirmation));
    const zone = await zoneOf(deps, teamId, userId);
    await updateSource(client, deps, { teamId, userId, log }, sourceMessageOf(view.private_metadata), feedbackRequestedDm(request, null, zone));
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
