import { DateTime } from 'luxon';
import { isValidTimeZone, localToInstant } from '../time/zoned';
import type { HabitTrend } from './habits';

/**
 * The weekly digest (issue 16, point 5): a DM to each coordinator on Monday at 09:00 in their zone,
 * written to the outbox by a scheduler pass (once: its dedupe key names the coordinator and the local
 * Monday) and sent by the dispatcher like any notice. A pass that runs up to CATCH_UP_HOURS late (every
 * replica was down at nine) still writes it; later that week's digest is skipped, never sent stale.
 */
export const DIGEST_LOCAL_TIME = '09:00';
export const CATCH_UP_HOURS = 12;
/** How far back "new" and "ended" look. */
export const DIGEST_DAYS = 7;
/** Pairs named per list; the rest are counted. */
export const DIGEST_LISTED = 10;

/** The Monday whose digest is due at `now` in `zone`, and when it was due; null on any other day or hour. */
export function digestDue(now: Date, zone: string): { week: string; dueAt: Date } | null {
  const safeZone = isValidTimeZone(zone) ? zone : 'UTC';
  const local = DateTime.fromJSDate(now, { zone: safeZone });
  // The latest Monday on or before today (Luxon's weekday: Monday is 1).
  const monday = local.minus({ days: local.weekday - 1 }).toISODate()!;
  const dueAt = localToInstant(monday, DIGEST_LOCAL_TIME, safeZone);
  const late = now.getTime() - dueAt.getTime();
  return late >= 0 && late < CATCH_UP_HOURS * 3_600_000 ? { week: monday, dueAt } : null;
}

/**
 * Whether any zone on Earth (UTC-12 to UTC+14) can be in its digest window at `now`: from Sunday 19:00
 * UTC (Monday 09:00 at UTC+14) to Tuesday 09:00 UTC (Monday 09:00 at UTC-12 is 21:00 UTC, plus the catch-up). The
 * rest of the week a pass does not even read who coordinates.
 */
export function digestWindowOpen(now: Date): boolean {
  const hoursIntoWeek = ((now.getUTCDay() + 6) % 7) * 24 + now.getUTCHours() + now.getUTCMinutes() / 60; // Monday 00:00 UTC = 0
  const fromSunday = 7 * 24 + 9 - 14; // Monday 09:00 at UTC+14: Sunday 19:00 UTC
  const until = 9 + 12 + CATCH_UP_HOURS; // Monday 09:00 at UTC-12, and the catch-up after it
  return hoursIntoWeek >= fromSunday || hoursIntoWeek < until;
}

export const digestKey = (teamId: string, userId: string, week: string): string => `program_digest:${teamId}:${userId}:${week}`;

/** Some pairs by their two people, and how many there are in all. */
export interface PairList {
  total: number;
  pairs: Array<{ mentorId: string; menteeId: string }>;
}

/** What one workspace's digest says: counts and ids only, never a text a pair wrote. */
export interface Digest {
  teamId: string;
  /** Pairs set up in the last 7 days, ended ones in them, and the pairs stalled now. */
  newPairs: PairList;
  stalled: PairList;
  ended: PairList;
  habits: HabitTrend;
}
