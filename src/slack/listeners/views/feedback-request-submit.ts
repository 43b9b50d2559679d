import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { FeedbackRequestField } from '../../../domain/feedback/feedback-rules';
import { feedbackDoneMessage, feedbackRequestedDm } from '../../blocks/feedback-messages';
import { inlineTyped } from '../../blocks/quote';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { FeedbackModal } from '../../ids';
import { FEEDBACK_REQUEST_BLOCKS, readFeedbackRequestForm } from '../../inputs/feedback-form';
import { originChannel } from '../../inputs/origin';
import { pairFieldBlock, submissionRefusal, tellPrivately, tryDm } from '../../interaction-replies';
import { zoneOf } from '../../known-person';
import { submittedPairId } from '../../pair-resolver';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Stores the request and asks the other person by DM, with a button to answer. */
export function feedbackRequestSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const pairBlock = pairFieldBlock(view, FeedbackModal.request.blocks.area);
    const pairId = submittedPairId(view);
    if (!pairId) return ack({ response_action: 'errors', errors: { [pairBlock]: 'Pick the mentorship to ask in.' } });
    const form = readFeedbackRequestForm(view.state.values) ?? { area: null, question: null };
    const result = await deps.services.feedback
      .request({ teamId, pairId, requesterId: userId, area: form.area ?? '', question: form.question })
      .catch((error: unknown) => submissionRefusal(error, pairBlock, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) {
      const errors = Object.entries(result.errors).map(([field, message]) => [FEEDBACK_REQUEST_BLOCKS[field as FeedbackRequestField], message]);
      return ack({ response_action: 'errors', errors: Object.fromEntries(errors) });
    }
    await ack();

    const { request, meeting, pair } = result;
    log.info({ pairId, requestId: request.id, meetingId: meeting?.id ?? null }, 'feedback requested');
    const dm = feedbackRequestedDm(request, meeting, await zoneOf(deps, teamId, request.responder_id));
    const delivered = await tryDm(client, deps, { teamId, userId: request.responder_id }, dm, log);
    const to = mention(request.responder_id);
    const confirmation = delivered
      ? `Asked ${to} for feedback on *${inlineTyped(request.area)}*. I'll DM you the answer.`
      : `Your request on *${inlineTyped(request.area)}* is saved, but I couldn't DM ${to}; they will see it under \`/mentorship feedback\`.`;
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, feedbackDoneMessage(confirmation));
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
