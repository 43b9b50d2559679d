import type { ReminderSettingsSaved } from '../../domain/reminders/events';
import { settingsSavedMessage } from '../blocks/reminder-settings';
import { dmTo, type EffectPlan } from './plan';

/** The person's own DM says what is now in force, at once (it answers their own action). */
export const reminderSettingsSaved = (event: ReminderSettingsSaved): EffectPlan => ({
  pairId: null,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.userId),
      message: settingsSavedMessage({ leadMinutes: event.leadMinutes, pausedUntil: event.pausedUntil, zone: event.zone }),
      timing: { zone: event.zone, isActor: true },
    },
  ],
  home: [event.userId],
});
