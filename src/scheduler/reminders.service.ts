import type { Kysely } from 'kysely';
import type { Database, Pair, Person } from '../db/schema';
import { DomainError } from '../errors';
import { snoozeKey } from './kinds';
import { findReminder, insertSnoozed } from './outbox.repository';
import { replanPerson } from './plan';
import { afterQuietHours } from './quiet-hours';
import { findMeetingWithPair, findPersonRow, saveReminderSettings } from './reminders.repository';
import { type ReminderSettingsDraft, type SettingsField, validateSettings } from './settings-rules';

export const SNOOZE_MS = 2 * 60 * 60 * 1000;

export type SaveSettingsResult = { ok: true; person: Person } | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The use cases behind the reminder buttons and the reminder-settings modal (skipping is the meetings feature's). */
export class RemindersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /**
   * "Snooze 2 hours": the same reminder again, as a new row (one per snoozed message, so a double click
   * snoozes once). Quiet hours still apply: a snooze into the night wakes the person at 08:00.
   */
  async snooze(teamId: string, userId: string, reminderId: string): Promise<{ remindAt: Date; zone: string; already: boolean }> {
    const now = this.clock();
    const reminder = await findReminder(this.db, teamId, reminderId);
    if (!reminder || reminder.recipient_id !== userId) throw new DomainError('not_found', 'That reminder is not one of yours.');
    const found = reminder.meeting_id ? await findMeetingWithPair(this.db, teamId, reminder.meeting_id) : undefined;
    if (!found || found.meeting.status !== 'scheduled') throw new DomainError('conflict', 'That meeting is no longer scheduled, so there is nothing to snooze.');
    const person = await this.member(teamId, userId, found.pair);
    const remindAt = afterQuietHours(new Date(now.getTime() + SNOOZE_MS), person.time_zone);
    if (remindAt.getTime() >= found.meeting.scheduled_at.getTime()) {
      throw new DomainError('conflict', 'Your meeting starts before the snooze would end. Prepare the agenda now, or skip the meeting.');
    }
    const inserted = await insertSnoozed(this.db, reminder, { key: snoozeKey(reminder.id), dueAt: remindAt, now });
    return { remindAt, zone: person.time_zone, already: !inserted };
  }

  /** Only people the bot knows (someone in a pair) have reminder settings. */
  async settingsOf(teamId: string, userId: string): Promise<Person> {
    const person = await findPersonRow(this.db, teamId, userId);
    if (!person) throw new DomainError('not_in_pair', 'Reminder settings are for people in a mentorship pair. Start one with `/mentorship pair`.');
    return person;
  }

  /** Saves the lead time and vacation pause, and re-plans the person's unsent nudges in the same transaction. */
  async saveSettings(teamId: string, userId: string, draft: ReminderSettingsDraft): Promise<SaveSettingsResult> {
    const now = this.clock();
    const person = await this.settingsOf(teamId, userId);
    const errors = validateSettings(draft, person.time_zone, now);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    await this.db.transaction().execute(async (tx) => {
      await saveReminderSettings(tx, teamId, userId, draft, now);
      await replanPerson(tx, teamId, userId, now);
    });
    return { ok: true, person: { ...person, prep_lead_minutes: draft.leadMinutes, reminders_paused_until: draft.pausedUntil } };
  }

  private async member(teamId: string, userId: string, pair: Pair): Promise<Person> {
    if (pair.mentor_id !== userId && pair.mentee_id !== userId) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    return this.settingsOf(teamId, userId);
  }
}
