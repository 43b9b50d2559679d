import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../errors';
import { meetingSkippedMessage } from '../../blocks/reminder-settings';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { parseIdValue } from '../../inputs/reminder-buttons';
import { sendDm } from '../../messenger';
import { markAnswered, replyRefusal } from './reminder-replies';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Skip this meeting": skipped, its unsent reminders cancelled, and the other person told at once. */
export function reminderSkip(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? '';
    try {
      const meetingId = parseIdValue(action.value);
      if (!meetingId) throw new DomainError('invalid_input', 'That button is not one of mine.');
      const { meeting, pair, otherId } = await deps.services.reminders.skip(teamId, body.user.id, meetingId);
      log.info({ meetingId, pairId: pair.id }, 'meeting skipped');
      await markAnswered(client, body, `:fast_forward: You skipped this meeting. Its reminders are cancelled and ${mention(otherId)} has been told.`, log);
      const other = await deps.services.people.find(teamId, otherId);
      await sendDm(client, deps.services.people, teamId, otherId, meetingSkippedMessage(body.user.id, meeting.scheduled_at, other?.time_zone ?? 'UTC')).catch(
        (error: unknown) => log.warn({ err: error }, 'skip notice DM failed'),
      );
      await deps.home.refresh(client, teamId, [pair.mentor_id, pair.mentee_id]);
    } catch (error) {
      await replyRefusal(client, body, respond, error, log);
    }
  };
}
