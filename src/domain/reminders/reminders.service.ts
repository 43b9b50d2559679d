import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { ALL_STATES, checkMembership } from '../pairs/access';
import { DomainError } from '../../errors';
import { snoozeKey } from './kinds';
import { findReminder, insertSnoozed } from './reminders-outbox.repository';
import { replanPerson } from './plan';
import { afterQuietHours } from './quiet-hours';
import { findMeetingWithPair, findPersonRow, saveReminderSettings } from './reminders.repository';
import { type ReminderSettingsDraft, type SettingsField, validateSettings } from './settings-rules';

export const SNOOZE_MS = 2 * 60 * 60 * 1000;

export type SaveSettingsResult = WithEffects<{ ok: true; person: Person }> | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The use cases behind the reminder buttons and the reminder-settings modal (skipping is the meetings feature's). */
export class RemindersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /**
   * "Snooze 2 hours": the same reminder again, as a new row (one per snoozed message, so a double click
   * snoozes once). Quiet hours still apply: a snooze into the night wakes the person at 08:00.
   */
  async snooze(actor: Actor, reminderId: string): Promise<{ remindAt: Date; zone: string; already: boolean }> {
    const now = this.clock();
    const reminder = await findReminder(this.db, actor.teamId, reminderId);
    if (!reminder || reminder.recipient_id !== actor.userId) throw new DomainError('not_found', 'That reminder is not one of yours.');
    const found = reminder.meeting_id ? await findMeetingWithPair(this.db, actor.teamId, reminder.meeting_id) : undefined;
    if (!found || found.meeting.status !== 'scheduled')
      throw new DomainError('conflict', 'That meeting is no longer scheduled, so there is nothing to snooze.');
    checkMembership(found.pair, actor, { states: ALL_STATES });
    const person = await this.settingsOf(actor);
    const remindAt = afterQuietHours(new Date(now.getTime() + SNOOZE_MS), person.time_zone);
    if (remindAt.getTime() >= found.meeting.scheduled_at.getTime()) {
      throw new DomainError('conflict', 'Your meeting starts before the snooze would end. Prepare the agenda now, or skip the meeting.');
    }
    const inserted = await insertSnoozed(this.db, reminder, { key: snoozeKey(reminder.id), dueAt: remindAt, now });
    return { remindAt, zone: person.time_zone, already: !inserted };
  }

  /** What the settings modal shows: the person's lead time and pause, the zone reminders follow, and whether they chose it. */
  async settings(actor: Actor): Promise<{ leadMinutes: number; pausedUntil: string | null; zone: string; zoneOverride: string | null; slackZone: string }> {
    const person = await this.settingsOf(actor);
    return {
      leadMinutes: person.prep_lead_minutes,
      pausedUntil: person.reminders_paused_until,
      zone: person.time_zone,
      zoneOverride: person.time_zone_overridden ? person.time_zone : null,
      slackZone: person.slack_time_zone ?? person.time_zone,
    };
  }

  /** Only people the bot knows (someone in a pair) have reminder settings. */
  private async settingsOf(actor: Actor): Promise<Person> {
    const person = await findPersonRow(this.db, actor.teamId, actor.userId);
    if (!person) throw new DomainError('not_in_pair', 'Reminder settings are for people in a mentorship pair. Start one with `/mentorship pair`.');
    return person;
  }

  /**
   * Saves the lead time, vacation pause and time-zone override and re-plans the person's unsent nudges, in one
   * transaction with the DM that confirms what is now in force (`reminder_settings_saved`).
   */
  async saveSettings(actor: Actor, draft: ReminderSettingsDraft): Promise<SaveSettingsResult> {
    const now = this.clock();
    const person = await this.settingsOf(actor);
    const errors = validateSettings(draft, draft.timeZone || person.time_zone, now);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    // The person's own zone wins; without one, Slack's (as last seen) again.
    const zone = draft.timeZone || (person.slack_time_zone ?? person.time_zone);
    const zoneOverridden = Boolean(draft.timeZone);
    const effects = await this.db.transaction().execute(async (tx) => {
      await saveReminderSettings(tx, actor.teamId, actor.userId, { ...draft, zone, zoneOverridden }, now);
      await replanPerson(tx, actor.teamId, actor.userId, now);
      return this.effects.record(tx, actor.teamId, [
        { type: 'reminder_settings_saved', userId: actor.userId, leadMinutes: draft.leadMinutes, pausedUntil: draft.pausedUntil, zone },
      ]);
    });
    return {
      ok: true,
      person: {
        ...person,
        prep_lead_minutes: draft.leadMinutes,
        reminders_paused_until: draft.pausedUntil,
        time_zone: zone,
        time_zone_overridden: zoneOverridden,
      },
      effects,
    };
  }
}
