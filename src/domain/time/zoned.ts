import { DateTime, IANAZone } from 'luxon';
import './offset-cache';

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/**
 * The instant at which a local date and wall time happen in `zone`. The rules (SCHEDULER.md):
 * a time inside a spring-forward gap moves forward to the first valid time (the transition
 * itself); a time inside a fall-back overlap takes the earlier of its two instants.
 */
export function localToInstant(localDate: string, wallTime: string, zone: string): Date {
  const [hour, minute] = wallTime.split(':').map(Number) as [number, number];
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!local.isValid) throw new RangeError(`invalid local time ${localDate} ${wallTime} in ${zone}`);
  if (local.hour !== hour || local.minute !== minute) return startOfGap(local);
  const candidates = local.getPossibleOffsets();
  const earliest = Math.min(...candidates.map((candidate) => candidate.toMillis()));
  return new Date(Number.isFinite(earliest) ? earliest : local.toMillis());
}

/**
 * Luxon pushes a wall time in a gap forward by the gap's length; walk back, minute by minute, to
 * the transition (gaps are 30 or 60 minutes in practice, so this is at most a few dozen steps).
 */
function startOfGap(shifted: DateTime): Date {
  let instant = shifted;
  for (let step = 0; step < 180; step += 1) {
    const previous = instant.minus({ minutes: 1 });
    if (previous.offset !== shifted.offset) break;
    instant = previous;
  }
  return instant.toJSDate();
}

/**
 * Today's date in a zone, as 'YYYY-MM-DD' ('' for a zone that does not exist). From the zone's offset
 * (remembered per quarter hour by offset-cache.ts) rather than a Luxon DateTime, which cost more than
 * the rest of this for every notice timed and every meeting placed.
 */
export function localDateIn(instant: Date, zone: string): string {
  const local = wallClockIn(instant, zone);
  // Anything unusual (no such zone, a year ISO writes differently) goes the long way, as before.
  if (!local) return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
  return local.toISOString().slice(0, 10);
}

/**
 * The instant's wall clock in the zone, as a Date whose UTC fields are the local ones; null for a zone
 * that does not exist or a year outside 1000-9999. IANAZone.create keeps one instance per name, which
 * knows whether the zone exists.
 */
function wallClockIn(instant: Date, zone: string): Date | null {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) return null;
  const local = new Date(instant.getTime() + iana.offset(instant.getTime()) * 60_000);
  const year = local.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? local : null;
}

// Luxon's English names for "ccc" and "LLL" (the bot speaks English to everyone).
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "Tue 1 Dec 2026" from a Date whose UTC fields are the ones to show. */
const dayText = (d: Date): string => `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const clockText = (d: Date): string => `${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}`;

/**
 * "Tue 1 Dec 2026, 10:00 (Europe/Berlin)": every time shown to a person names its zone. Written out
 * from the zone's offset rather than with a Luxon DateTime, which cost more than the rest of a modal's
 * text (every meeting time on every screen); the tests hold it to Luxon's format in every zone.
 */
export function formatInZone(instant: Date, zone: string): string {
  const local = wallClockIn(instant, zone);
  const text = local ? `${dayText(local)}, ${clockText(local)}` : DateTime.fromJSDate(instant, { zone }).toFormat('ccc d LLL yyyy, HH:mm');
  return `${text} (${zone})`;
}

/** The wall time (HH:mm) of an instant in a zone. */
export function wallTimeIn(instant: Date, zone: string): string {
  const local = wallClockIn(instant, zone);
  return local ? clockText(local) : DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

/** "Tue 1 Dec 2026" for a local date ('YYYY-MM-DD'). */
export function formatLocalDate(localDate: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(localDate) ? new Date(`${localDate}T00:00:00Z`) : null;
  if (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(localDate)) return dayText(date);
  return DateTime.fromISO(localDate, { zone: 'UTC' }).toFormat('ccc d LLL yyyy');
}
