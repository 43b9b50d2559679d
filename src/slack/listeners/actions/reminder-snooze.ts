import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { answeredMessage, snoozedNote } from '../../blocks/reminder-settings';

/** "Snooze 2 hours" on a prep nudge: the same nudge again later (quiet hours still apply); the nudge says so instead of its buttons. */
export const reminderSnooze = onAction({
  name: 'reminder_snooze',
  parse: ({ value }) => parseUuid(value),
  malformed: 'That button is not one of mine.',
  run: (reminderId, { actor }, deps) => deps.services.reminders.snooze(actor, reminderId),
  reply: ({ remindAt, zone }, { message }) => (message ? { kind: 'replace', message: answeredMessage(message, snoozedNote(remindAt, zone)) } : null),
});
