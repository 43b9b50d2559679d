import { DateTime } from 'luxon';
import { localToInstant } from '../time/zoned';

/** No reminder DM between 21:00 and 08:00 in the recipient's zone. */
export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;
const MORNING = '08:00';

export function inQuietHours(instant: Date, zone: string): boolean {
  const hour = DateTime.fromJSDate(instant, { zone }).hour;
  return hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;
}

/**
 * The instant a reminder due at `instant` may go out: unchanged outside quiet hours, else the next
 * 08:00 in `zone`. Computed as a local wall time (not by adding hours), so a night that has a
 * daylight-saving change still ends at 08:00.
 */
export function afterQuietHours(instant: Date, zone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!inQuietHours(instant, zone)) return instant;
  const morningDate = local.hour >= QUIET_START_HOUR ? local.plus({ days: 1 }) : local;
  return localToInstant(morningDate.toISODate() ?? '', MORNING, zone);
}

/** 08:00 on the recipient's next local day: where a reminder over the daily cap goes. */
export function nextMorning(instant: Date, zone: string): Date {
  const tomorrow = DateTime.fromJSDate(instant, { zone }).plus({ days: 1 }).toISODate() ?? '';
  return localToInstant(tomorrow, MORNING, zone);
}

/**
 * A small, stable offset (0 to maxSeconds) derived from the dedupe key: 2,000 reminders due at 08:00
 * in one workspace are spread over minutes instead of queueing behind Slack's rate limit, and
 * planning the same row twice gives the same instant (FNV-1a).
 */
export function spreadMs(key: string, maxSeconds: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % (maxSeconds + 1)) * 1000;
}
