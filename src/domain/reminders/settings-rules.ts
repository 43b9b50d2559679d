import { DateTime } from 'luxon';
import { isValidTimeZone, localDateIn } from '../time/zoned';

/** Lead times a person can pick for the prep nudge (people.prep_lead_minutes allows 15 min to a week). */
export const LEAD_CHOICES = [15, 30, 60, 120, 240, 720, 1440, 2880, 4320, 10080] as const;

export interface ReminderSettingsDraft {
  leadMinutes: number;
  /** Last local day without reminders, 'YYYY-MM-DD'; null resumes them. */
  pausedUntil: string | null;
  /** The person's own zone, overriding Slack's; null (or absent) follows Slack's zone. */
  timeZone?: string | null;
}

export type SettingsField = 'lead' | 'pause' | 'zone';

/** A pause must end today or later, and within a year (a vacation, not a way to leave the programme). */
export function validateSettings(draft: ReminderSettingsDraft, zone: string, now: Date): Partial<Record<SettingsField, string>> {
  const errors: Partial<Record<SettingsField, string>> = {};
  if (!(LEAD_CHOICES as readonly number[]).includes(draft.leadMinutes)) errors.lead = 'Pick one of the lead times offered.';
  if (draft.timeZone && !isValidTimeZone(draft.timeZone)) errors.zone = 'Use a time zone name such as Europe/Berlin, or leave it empty to follow Slack.';
  if (draft.pausedUntil) {
    const today = localDateIn(now, zone);
    const latest = DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: 365 }).toISODate() ?? today;
    if (draft.pausedUntil < today) errors.pause = `Pick today (${today}) or a later day, or clear the date to keep reminders on.`;
    else if (draft.pausedUntil > latest) errors.pause = 'Pick a day within the next year.';
  }
  return errors;
}
