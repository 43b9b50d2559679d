import type { Meeting, Pair, Person } from '../../db/schema';
import type { Executor } from '../../db/types';

/** SQL for the reminder buttons and settings (the planner's and dispatcher's live beside them). */
export async function findMeetingWithPair(db: Executor, teamId: string, meetingId: string): Promise<{ meeting: Meeting; pair: Pair } | undefined> {
  const meeting = await db.selectFrom('meetings').selectAll().where('team_id', '=', teamId).where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) return undefined;
  const pair = await db.selectFrom('pairs').selectAll().where('id', '=', meeting.pair_id).executeTakeFirst();
  return pair ? { meeting, pair } : undefined;
}

export async function findPersonRow(db: Executor, teamId: string, userId: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
}

export async function saveReminderSettings(
  db: Executor,
  teamId: string,
  userId: string,
  settings: { leadMinutes: number; pausedUntil: string | null; zone: string; zoneOverridden: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      prep_lead_minutes: settings.leadMinutes,
      reminders_paused_until: settings.pausedUntil,
      time_zone: settings.zone,
      time_zone_overridden: settings.zoneOverridden,
      updated_at: now,
    })
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();
}
