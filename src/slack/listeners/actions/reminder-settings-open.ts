import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reminderSettingsModal } from '../../blocks/reminder-settings';
import { type AppDeps, requestLog } from '../../context';
import { replyRefusal } from './reminder-replies';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Reminder settings" (under every reminder, and on the Home tab): opens the settings modal. */
export function reminderSettingsOpen(deps: AppDeps) {
  return async ({ ack, body, client, context, respond }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    try {
      // One indexed read before views.open: well inside the trigger's 3 s.
      const person = await deps.services.reminders.settingsOf(body.team?.id ?? '', body.user.id);
      const view = reminderSettingsModal({ leadMinutes: person.prep_lead_minutes, pausedUntil: person.reminders_paused_until, zone: person.time_zone });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      await replyRefusal(client, body, respond, error, log);
    }
  };
}
