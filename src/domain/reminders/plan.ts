import { DateTime } from 'luxon';
import { wrapUpFrom } from '../meetings/cadence';
import type { Kysely } from 'kysely';
import type { Database, Executor, Tx } from '../../db/types';
import { upsertPlanned } from './reminders-outbox.repository';
import {
  actionDueReminder,
  goalTargetReminder,
  meetingReminders,
  type PlanMeeting,
  type PlannedReminder,
  type PlanPair,
  progressCheckInReminders,
  wrapUpReminders,
} from './planner';
import {
  actionDaysToPlan,
  activePairIdsOf,
  goalsToPlan,
  markMeetingsPlanned,
  markWrapUpPlanned,
  meetingsToPlan,
  pairsAtCheckpoint,
  pairsEndingBetween,
} from './planning.repository';

/** Items planned per transaction: a chunk's rows stay locked only for the time it takes to write them. */
const PER_CHUNK = 500;

/**
 * A planning pass: plans the reminders of the meetings not planned yet (new ones, and those a change
 * marked again: see migration 0150), the wrap-up of pairs newly near their end (marked the same
 * way), then action items due tomorrow and goals a week from their target, which only a few days'
 * window holds. A quiet pass costs a few index probes, not a read of every pair. Idempotent (unique
 * dedupe keys, re-planning only on a changed basis), and replicas running it at once share the work
 * (SKIP LOCKED). Exported for benches.
 */
export async function planReminders(db: Kysely<Database>, now: Date): Promise<{ planned: number; considered: number }> {
  const meetings = await planInChunks(db, now, async (tx) => {
    const found = await meetingsToPlan(tx, now, { unplanned: { limit: PER_CHUNK } });
    return {
      items: found.length,
      reminders: found.flatMap(({ pair, meeting }) => meetingReminders(pair, meeting)),
      markPlanned: () =>
        markMeetingsPlanned(
          tx,
          found.map(({ meeting }) => meeting.id),
          now,
        ),
    };
  });
  // A monthly pair's wrap-up starts two meetings (about two months) before its end.
  const wrapUps = await planInChunks(db, now, async (tx) => {
    const found = await pairsEndingBetween(tx, utcDay(now, 0), utcDay(now, 75), { unplanned: { limit: PER_CHUNK } });
    return {
      items: found.length,
      reminders: found.flatMap(({ pair, rule }) => wrapUpReminders(pair, wrapUpFrom(rule, pair.plannedEndOn))),
      markPlanned: () =>
        markWrapUpPlanned(
          tx,
          found.map(({ pair }) => pair.id),
          now,
        ),
    };
  });
  const dated = await datedReminders(db, now);
  return {
    planned: meetings.planned + wrapUps.planned + (await writePlanned(db, dated, now)),
    considered: meetings.considered + wrapUps.considered + dated.length,
  };
}

interface Chunk {
  items: number;
  reminders: PlannedReminder[];
  markPlanned(): Promise<void>;
}

/** Runs `read` in transactions of up to PER_CHUNK items, writing and marking each, until one comes back short. */
async function planInChunks(db: Kysely<Database>, now: Date, read: (tx: Tx) => Promise<Chunk>): Promise<{ planned: number; considered: number }> {
  let planned = 0;
  let considered = 0;
  for (;;) {
    const chunk = await db.transaction().execute(async (tx) => {
      const { items, reminders, markPlanned } = await read(tx);
      const written = await writePlanned(tx, reminders, now);
      await markPlanned();
      return { items, written, considered: reminders.length };
    });
    planned += chunk.written;
    considered += chunk.considered;
    if (chunk.items < PER_CHUNK) return { planned, considered };
  }
}

/** UTC dates one day wider on each side than the rules need: every zone's "tomorrow" is inside. */
const utcDay = (now: Date, days: number): string => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';

/** Action items due tomorrow, goals a week from their target, check-ins on their day (a third and two thirds of the way). */
async function datedReminders(db: Executor, now: Date): Promise<PlannedReminder[]> {
  const reminders: PlannedReminder[] = [];
  for (const item of await actionDaysToPlan(db, utcDay(now, -1), utcDay(now, 3))) {
    const owner = item.ownerId === item.pair.mentor.userId ? item.pair.mentor : item.pair.mentee;
    reminders.push(actionDueReminder(item.pair, owner, item.dueOn));
  }
  for (const { pair, goal } of await goalsToPlan(db, utcDay(now, 4), utcDay(now, 9))) reminders.push(goalTargetReminder(pair, goal));
  for (const { pair, checkpoint, date } of await pairsAtCheckpoint(db, utcDay(now, -1), utcDay(now, 1)))
    reminders.push(...progressCheckInReminders(pair, checkpoint, date));
  return reminders;
}

/**
 * Re-plans one meeting's reminders. Call it in the same transaction as a reschedule: unsent rows
 * move to the new time (their basis changed) and a cancelled one comes back for the new time.
 */
export async function replanMeeting(db: Executor, meetingId: string, now: Date): Promise<number> {
  return planMeetings(db, await meetingsToPlan(db, now, { meetingId }), now);
}

/** Re-plans the upcoming meetings of a person's pairs (their lead time or zone changed). */
export async function replanPerson(db: Executor, teamId: string, userId: string, now: Date): Promise<number> {
  const pairIds = await activePairIdsOf(db, teamId, userId);
  return planMeetings(db, await meetingsToPlan(db, now, { pairIds }), now);
}

/** Re-plans the reminders of one pair's meetings that may still be due (it was accepted or resumed). */
export async function replanPair(db: Executor, pairId: string, now: Date): Promise<number> {
  return planMeetings(db, await meetingsToPlan(db, now, { pairIds: [pairId] }), now);
}

/** Writes a pair's check-ins (planned by `checkInReminders`); rows already expired are left out. */
export function planCheckIns(db: Executor, reminders: PlannedReminder[], now: Date): Promise<number> {
  return writePlanned(db, reminders, now);
}

async function planMeetings(db: Executor, found: Array<{ pair: PlanPair; meeting: PlanMeeting }>, now: Date): Promise<number> {
  const written = await writePlanned(
    db,
    found.flatMap(({ pair, meeting }) => meetingReminders(pair, meeting)),
    now,
  );
  await markMeetingsPlanned(
    db,
    found.map(({ meeting }) => meeting.id),
    now,
  );
  return written;
}

const CHUNK = 500;

/** Rows already expired are not written: nothing stale is planned. */
async function writePlanned(db: Executor, reminders: PlannedReminder[], now: Date): Promise<number> {
  // Sorted by key: replicas planning the same rows at once lock them in the same order, so they queue
  // behind each other instead of deadlocking.
  const live = reminders
    .filter((reminder) => reminder.expiresAt.getTime() > now.getTime())
    .sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  let written = 0;
  for (let start = 0; start < live.length; start += CHUNK) written += await upsertPlanned(db, live.slice(start, start + CHUNK), now);
  return written;
}
