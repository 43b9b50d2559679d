import type { Cadence } from '../../db/schema';
import { addDays, addMonths, daysBetween } from '../time/local-dates';
import { localToInstant } from '../time/zoned';

/** The local rule a pair meets by: wall time in an IANA zone, repeating from an anchor date. */
export interface MeetingRule {
  cadence: Cadence;
  /** First meeting's local date, 'YYYY-MM-DD'. */
  anchorDate: string;
  /** 'HH:MM' wall time in `timeZone`. */
  time: string;
  timeZone: string;
}

/**
 * Local date of occurrence `sequence` (0 = the anchor). Always computed from the anchor, never by
 * stepping from the previous occurrence, so a monthly meeting on the 31st falls on the 30th in
 * April and is back on the 31st in May.
 */
export function occurrenceDate(rule: Pick<MeetingRule, 'cadence' | 'anchorDate'>, sequence: number): string {
  if (rule.cadence === 'monthly') return addMonths(rule.anchorDate, sequence);
  return addDays(rule.anchorDate, (rule.cadence === 'weekly' ? 7 : 14) * sequence);
}

/** The instant of occurrence `sequence`: its local date at the rule's wall time in the rule's zone. */
export function occurrenceAt(rule: MeetingRule, sequence: number): Date {
  return localToInstant(occurrenceDate(rule, sequence), rule.time, rule.timeZone);
}

/**
 * The longest a step can be, in days: an estimate `floor(days / longest) - 2` never overshoots.
 * (A month is up to 31 days; estimating with 28 overshot monthly rules after about two years.)
 */
const LONGEST_STEP_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 31 };

function estimateBelow(rule: Pick<MeetingRule, 'cadence'>, days: number): number {
  return Math.max(0, Math.floor(days / LONGEST_STEP_DAYS[rule.cadence]) - 2);
}

/** The first occurrence that starts strictly after `after`. */
export function nextOccurrence(rule: MeetingRule, after: Date): { sequence: number; at: Date } {
  const anchorAt = occurrenceAt(rule, 0);
  if (anchorAt.getTime() > after.getTime()) return { sequence: 0, at: anchorAt };
  // Jump close with an estimate that never overshoots, then walk: cheap and exact whatever the zone does.
  let sequence = estimateBelow(rule, (after.getTime() - anchorAt.getTime()) / 86_400_000);
  while (occurrenceAt(rule, sequence).getTime() <= after.getTime()) sequence += 1;
  return { sequence, at: occurrenceAt(rule, sequence) };
}

/** The last occurrence whose local date is on or before `lastDate` ('YYYY-MM-DD'), or -1 when there is none. */
export function lastOccurrenceOnOrBefore(rule: Pick<MeetingRule, 'cadence' | 'anchorDate'>, lastDate: string): number {
  if (occurrenceDate(rule, 0) > lastDate) return -1;
  const days = daysBetween(rule.anchorDate, lastDate);
  let sequence = estimateBelow(rule, days);
  while (occurrenceDate(rule, sequence + 1) <= lastDate) sequence += 1;
  return sequence;
}

/** How many of the last planned meetings carry the wrap-up (docs/usage.md: "Near the planned end"). */
export const WRAP_UP_MEETINGS = 2;

/**
 * The local date from which meetings are "near the planned end": the date of the second-to-last
 * occurrence the rule plans on or before `plannedEnd`. Counting meetings rather than days gives every
 * cadence the same two chances to talk about what comes after (two weeks' notice for a weekly pair,
 * two months' for a monthly one). Null when the rule plans no meeting before the end at all.
 */
export function wrapUpFrom(rule: Pick<MeetingRule, 'cadence' | 'anchorDate'>, plannedEnd: string): string | null {
  const last = lastOccurrenceOnOrBefore(rule, plannedEnd);
  if (last < 0) return null;
  return occurrenceDate(rule, Math.max(0, last - (WRAP_UP_MEETINGS - 1)));
}

/** Whether a meeting on `meetingDate` (local, in the rule's zone) is near the planned end. */
export function isNearEnd(rule: Pick<MeetingRule, 'cadence' | 'anchorDate'>, plannedEnd: string, meetingDate: string): boolean {
  const from = wrapUpFrom(rule, plannedEnd);
  return from === null || meetingDate >= from;
}
