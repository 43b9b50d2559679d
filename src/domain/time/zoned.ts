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
  // IANAZone.create keeps one instance per name, which knows whether the zone exists.
  const iana = IANAZone.create(zone);
  const local = new Date(instant.getTime() + (iana.isValid ? iana.offset(instant.getTime()) : Number.NaN) * 60_000);
  const year = local.getUTCFullYear();
  // Anything unusual (no such zone, a year ISO writes differently) goes the long way, as before.
  if (!(year >= 1000 && year <= 9999)) return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
  return local.toISOString().slice(0, 10);
}

/** "Tue 1 Dec 2026, 10:00 (Europe/Berlin)": every time shown to a person names its zone. */
export function formatInZone(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

/** The wall time (HH:mm) of an instant in a zone. */
export const wallTimeIn = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');

export function formatLocalDate(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).toFormat('ccc d LLL yyyy');
}
