import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { otherMember } from '../../../domain/pairs/membership';
import { DomainError } from '../../../errors';
import { meetingSkippedMessage } from '../../blocks/meeting-changes';
import { mention } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { parseIdValue } from '../../inputs/reminder-buttons';
import { sendDm } from '../../messenger';
import { markAnswered, replyRefusal } from './reminder-replies';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Skip this meeting" on a prep nudge: the meetings feature skips it (its unsent reminders are cancelled
 * in the same transaction and the following occurrence becomes the next meeting); the nudge shows the
 * answer in place of its buttons and the other person is told at once.
 */
export function reminderSkip(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? '';
    try {
      const meetingId = parseIdValue(action.value);
      if (!meetingId) throw new DomainError('invalid_input', 'That button is not one of mine.');
      const result = await deps.services.meetings.skip(teamId, meetingId, body.user.id);
      const { pair } = result;
      const otherId = otherMember(pair, body.user.id);
      log.info({ meetingId, pairId: pair.id }, 'meeting skipped from a reminder');
      await markAnswered(client, body, `:fast_forward: You skipped this meeting. Its reminders are cancelled and ${mention(otherId)} has been told.`, log);
      const notice = meetingSkippedMessage({ actorId: body.user.id, skipped: result.meeting, next: result.next, viewerZone: result.people.zones[otherId] ?? 'UTC' });
      await sendDm(client, deps.services.people, teamId, otherId, notice).catch((error: unknown) => log.warn({ err: error }, 'skip notice DM failed'));
      await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
    } catch (error) {
      await replyRefusal(client, body, respond, error, log);
    }
  };
}
