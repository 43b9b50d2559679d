import { onSubmit } from '../../adapters/view';
import { ReminderSettingsModal } from '../../ids';
import { parseSettingsForm, SETTINGS_FIELD_BLOCKS } from '../../inputs/reminder-settings-form';

/**
 * Saves the lead time and vacation pause; problems go back under their field and the modal stays
 * open. The DM that confirms what is now in force leaves through the outbox with the change.
 */
export const reminderSettingsSubmit = onSubmit({
  name: 'reminder_settings_submit',
  field: ReminderSettingsModal.blocks.lead,
  fields: SETTINGS_FIELD_BLOCKS,
  parse: ({ values }) => parseSettingsForm(values),
  run: (draft, { actor }, deps) => deps.services.reminders.saveSettings(actor, draft),
});
