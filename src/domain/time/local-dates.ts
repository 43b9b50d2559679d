/**
 * Calendar arithmetic on local dates ('YYYY-MM-DD'), which have no zone: plain UTC day counting. The
 * meeting rules do this for every occurrence they consider (a pass, an agenda, a notes submission), and
 * going through Luxon's DateTime for it was the largest part of an agenda submission's time-zone work.
 * The results are Luxon's (a property test compares them).
 */
const DAY_MS = 86_400_000;

const parse = (localDate: string): [number, number, number] => localDate.split('-').map(Number) as [number, number, number];

function format(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

const utcMs = (localDate: string): number => {
  const [year, month, day] = parse(localDate);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
};

/** `days` later (earlier when negative); a string that is no date comes back as it is. */
export const addDays = (localDate: string, days: number): string => format(utcMs(localDate) + days * DAY_MS) ?? localDate;

/**
 * Adds calendar months; a day that the target month lacks (the 31st in April) clamps to its last day.
 * A string that is no date comes back as it is.
 */
export function addMonths(localDate: string, months: number): string {
  const [year, month, day] = parse(localDate);
  const target = new Date(0);
  target.setUTCFullYear(year, month - 1 + months, 1);
  const lastDay = new Date(target.getTime());
  lastDay.setUTCMonth(lastDay.getUTCMonth() + 1, 0);
  target.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return format(target.getTime()) ?? localDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
