import { onAction } from '../../adapters/action';
import { reminderSettingsModal } from '../../blocks/reminder-settings';

/** "Reminder settings" (under every reminder, and on the Home tab): the presser's own settings, whatever the value says. */
export const reminderSettingsOpen = onAction({
  name: 'reminder_settings_open',
  parse: () => ({}),
  // One indexed read before views.open: well inside the trigger's 3 s.
  run: (_input, { actor }, deps) => deps.services.reminders.settings(actor),
  reply: (settings) => ({ kind: 'open', view: reminderSettingsModal(settings) }),
});
