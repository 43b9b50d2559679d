import { DateTime } from 'luxon';
import { wrapUpFrom } from '../domain/meetings/cadence';
import type { Executor } from '../db/types';
import { upsertPlanned } from './outbox.repository';
import { actionDueReminder, goalTargetReminder, meetingReminders, type PlannedReminder, wrapUpReminders } from './planner';
import { actionDaysToPlan, activePairIdsOf, goalsToPlan, meetingsToPlan, pairsEndingBetween } from './planning.repository';

/**
 * A planning pass: reads what is coming up and writes the reminders it needs. Idempotent (unique
 * dedupe keys, re-planning only on a changed basis), so every replica may run it at the same time.
 * Exported for benches: takes an executor and an instant, nothing else.
 */
export async function planReminders(db: Executor, now: Date): Promise<{ planned: number; considered: number }> {
  const reminders: PlannedReminder[] = [];
  for (const { pair, meeting } of await meetingsToPlan(db, now)) reminders.push(...meetingReminders(pair, meeting));
  // UTC dates one day wider on each side than the rules need: every zone's "tomorrow" is inside.
  const day = (days: number) => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';
  for (const item of await actionDaysToPlan(db, day(-1), day(3))) {
    const owner = item.ownerId === item.pair.mentor.userId ? item.pair.mentor : item.pair.mentee;
    reminders.push(actionDueReminder(item.pair, owner, item.dueOn));
  }
  for (const { pair, goal } of await goalsToPlan(db, day(4), day(9))) reminders.push(goalTargetReminder(pair, goal));
  // A monthly pair's wrap-up starts two meetings (about two months) before its end.
  for (const { pair, rule } of await pairsEndingBetween(db, day(0), day(75))) reminders.push(...wrapUpReminders(pair, wrapUpFrom(rule, pair.plannedEndOn)));
  return { planned: await writePlanned(db, reminders, now), considered: reminders.length };
}

/**
 * Re-plans one meeting's reminders. Call it in the same transaction as a reschedule: unsent rows
 * move to the new time (their basis changed) and a cancelled one comes back for the new time.
 */
export async function replanMeeting(db: Executor, meetingId: string, now: Date): Promise<number> {
  const reminders = (await meetingsToPlan(db, now, { meetingId })).flatMap(({ pair, meeting }) => meetingReminders(pair, meeting));
  return writePlanned(db, reminders, now);
}

/** Re-plans the upcoming meetings of a person's pairs (their lead time or zone changed). */
export async function replanPerson(db: Executor, teamId: string, userId: string, now: Date): Promise<number> {
  const pairIds = await activePairIdsOf(db, teamId, userId);
  const reminders = (await meetingsToPlan(db, now, { pairIds })).flatMap(({ pair, meeting }) => meetingReminders(pair, meeting));
  return writePlanned(db, reminders, now);
}

const CHUNK = 500;

/** Rows already expired are not written: nothing stale is planned. */
async function writePlanned(db: Executor, reminders: PlannedReminder[], now: Date): Promise<number> {
  // Sorted by key: replicas planning the same rows at once lock them in the same order, so they queue
  // behind each other instead of deadlocking.
  const live = reminders.filter((reminder) => reminder.expiresAt.getTime() > now.getTime()).sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  let written = 0;
  for (let start = 0; start < live.length; start += CHUNK) written += await upsertPlanned(db, live.slice(start, start + CHUNK), now);
  return written;
}
