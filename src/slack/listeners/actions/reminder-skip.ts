import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { answeredMessage } from '../../blocks/reminder-settings';
import { mention } from '../../blocks/text';
import { closeNudgeWhenOver } from './meeting-over';

/**
 * "Skip this meeting" on a prep nudge: the meetings feature skips it (its unsent reminders are
 * cancelled in the same transaction and the following occurrence becomes the next meeting, and the
 * other person hears it through the outbox: event `meeting_skipped`); the nudge says so in place of
 * its buttons.
 */
export const reminderSkip = onAction({
  name: 'reminder_skip',
  parse: ({ value }) => parseUuid(value),
  malformed: 'That button is not one of mine.',
  run: (meetingId, { actor }, deps) => deps.services.meetingChanges.skip(actor, meetingId),
  refused: closeNudgeWhenOver,
  reply: ({ otherId }, { message }) =>
    message
      ? {
          kind: 'replace',
          message: answeredMessage(message, `:fast_forward: You skipped this meeting. Its reminders are cancelled and ${mention(otherId)} will be told by DM.`),
        }
      : null,
});
