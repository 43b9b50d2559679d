import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../errors';
import { snoozedNote } from '../../blocks/reminder-settings';
import { type AppDeps, requestLog } from '../../context';
import { parseIdValue } from '../../inputs/reminder-buttons';
import { markAnswered, replyRefusal } from './reminder-replies';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Snooze 2 hours" on a prep nudge: the same nudge again later (quiet hours still apply). */
export function reminderSnooze(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    try {
      const reminderId = parseIdValue(action.value);
      if (!reminderId) throw new DomainError('invalid_input', 'That button is not one of mine.');
      const result = await deps.services.reminders.snooze(body.team?.id ?? '', body.user.id, reminderId);
      log.info({ reminderId, remindAt: result.remindAt.toISOString(), already: result.already }, 'reminder snoozed');
      await markAnswered(client, body, snoozedNote(result.remindAt, result.zone), log);
    } catch (error) {
      await replyRefusal(client, body, respond, error, log);
    }
  };
}
