import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../errors';
import { actorOf } from '../../actor';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { parseIdValue } from '../../inputs/reminder-buttons';
import { markAnswered, replyRefusal } from './reminder-replies';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Skip this meeting" on a prep nudge: the meetings feature skips it (its unsent reminders are cancelled
 * in the same transaction and the following occurrence becomes the next meeting); the nudge shows the
 * answer in place of its buttons and the other person is told by DM through the outbox (event `meeting_skipped`).
 */
export function reminderSkip(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    try {
      const meetingId = parseIdValue(action.value);
      if (!meetingId) throw new DomainError('invalid_input', 'That button is not one of mine.');
      const result = await deps.services.meetingChanges.skip(actorOf(context), meetingId);
      log.info({ meetingId, pairId: result.pair.id }, 'meeting skipped from a reminder');
      await markAnswered(client, body, `:fast_forward: You skipped this meeting. Its reminders are cancelled and ${mention(result.otherId)} will be told by DM.`, log);
      await deps.effects.flush(result.effects);
    } catch (error) {
      await replyRefusal(client, body, respond, error, log);
    }
  };
}
