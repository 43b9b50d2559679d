import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isDomainError } from '../../../errors';
import type { SettingsField } from '../../../scheduler/settings-rules';
import { settingsSavedMessage } from '../../blocks/reminder-settings';
import { type AppDeps, requestLog } from '../../context';
import { parseSettingsForm, SETTINGS_FIELD_BLOCKS } from '../../inputs/reminder-settings-form';
import { sendDm } from '../../messenger';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Saves the lead time and vacation pause; problems go back under their field and the modal stays open. */
export function reminderSettingsSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseSettingsForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const result = await deps.services.reminders.saveSettings(teamId, userId, form.draft).catch((error: unknown) => {
      if (isDomainError(error)) return { ok: false as const, errors: { lead: error.message } };
      throw error;
    });
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [SETTINGS_FIELD_BLOCKS[field as SettingsField], message]));
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    log.info({ leadMinutes: form.draft.leadMinutes, pausedUntil: form.draft.pausedUntil }, 'reminder settings saved');
    const saved = { leadMinutes: result.person.prep_lead_minutes, pausedUntil: result.person.reminders_paused_until, zone: result.person.time_zone };
    await sendDm(client, deps.services.people, teamId, userId, settingsSavedMessage(saved)).catch((error: unknown) =>
      log.warn({ err: error }, 'settings confirmation DM failed'),
    );
    await deps.home.refresh(teamId, [userId]);
  };
}
