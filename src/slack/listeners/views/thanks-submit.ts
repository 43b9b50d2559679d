import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { thanksDm, thanksSentMessage } from '../../blocks/thanks-blocks';
import { type AppDeps, requestLog } from '../../context';
import { ThanksModal } from '../../ids';
import { originChannel } from '../../inputs/origin';
import { readThanksMessage } from '../../inputs/thanks-form';
import { pairFieldBlock, submissionRefusal, tellPrivately, tryDm } from '../../interaction-replies';
import { zoneOf } from '../../known-person';
import { submittedPairId } from '../../pair-resolver';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Stores the thank-you, DMs it to the other person, and confirms privately to the sender. */
export function thanksSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const pairBlock = pairFieldBlock(view, ThanksModal.blocks.message);
    const pairId = submittedPairId(view);
    if (!pairId) return ack({ response_action: 'errors', errors: { [pairBlock]: 'Pick the mentorship this is for.' } });
    const result = await deps.services.appreciations
      .send({ teamId, pairId, fromId: userId, message: readThanksMessage(view.state.values) })
      .catch((error: unknown) => submissionRefusal(error, pairBlock, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) return ack({ response_action: 'errors', errors: { [ThanksModal.blocks.message]: result.errors.message ?? '' } });
    await ack();

    const { appreciation, meeting, pair } = result;
    log.info({ pairId, meetingId: meeting?.id ?? null }, 'thanks sent');
    const message = thanksDm(appreciation, meeting, await zoneOf(deps, teamId, appreciation.to_id));
    const delivered = await tryDm(client, deps, { teamId, userId: appreciation.to_id }, message, log);
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, thanksSentMessage(appreciation, delivered));
    await deps.home.refresh(client, teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
