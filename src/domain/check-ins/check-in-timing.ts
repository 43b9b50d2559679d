import { DateTime } from 'luxon';
import { localToInstant } from '../time/zoned';

/**
 * When the check-ins during a mentorship come (issue 16, point 7), pure: at a third and at two thirds
 * of the planned duration (start to planned end, in whole days, rounded down), at 10:00 in the
 * person's zone (as the stay-in-touch check-ins after the end). planning.repository.ts's
 * `pairsAtCheckpoint` finds the pairs with the same arithmetic in SQL.
 */
export const CHECKPOINTS = [1, 2] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

const DAY = 86_400_000;

const days = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The local date of checkpoint `n`: start + floor(duration × n / 3) days. */
export function checkpointOn(startedOn: string, plannedEndOn: string, n: Checkpoint): string {
  const offset = Math.floor((days(startedOn, plannedEndOn) * n) / 3);
  return DateTime.fromISO(startedOn, { zone: 'UTC' }).plus({ days: offset }).toISODate() ?? startedOn;
}

export const checkpointAt = (date: string, zone: string): Date => localToInstant(date, '10:00', zone);

/** A check-in not sent within three days of its time (a pause, a backlog) is stale: "a third of the way" read weeks late would be wrong. */
export const checkpointExpiresAt = (dueAt: Date): Date => new Date(dueAt.getTime() + 3 * DAY);
