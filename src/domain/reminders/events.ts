/**
 * The person saved their reminder settings: they get a DM saying what is now in force (a message that
 * stays, unlike the modal). Moves with RemindersService when reminders become a domain capability.
 */
export interface ReminderSettingsSaved {
  type: 'reminder_settings_saved';
  userId: string;
  leadMinutes: number;
  /** 'YYYY-MM-DD', or null when reminders are on. */
  pausedUntil: string | null;
  zone: string;
}
