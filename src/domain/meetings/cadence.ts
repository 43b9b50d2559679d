import { DateTime } from 'luxon';
import type { Cadence } from '../../db/schema';
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
  const anchor = DateTime.fromISO(rule.anchorDate, { zone: 'UTC' });
  const step =
    rule.cadence === 'weekly' ? { weeks: sequence } : rule.cadence === 'biweekly' ? { weeks: 2 * sequence } : { months: sequence };
  return anchor.plus(step).toISODate() ?? rule.anchorDate;
}

/** The instant of occurrence `sequence`: its local date at the rule's wall time in the rule's zone. */
export function occurrenceAt(rule: MeetingRule, sequence: number): Date {
  return localToInstant(occurrenceDate(rule, sequence), rule.time, rule.timeZone);
}

/** The first occurrence that starts strictly after `after`. */
export function nextOccurrence(rule: MeetingRule, after: Date): { sequence: number; at: Date } {
  const anchorAt = occurrenceAt(rule, 0);
  if (anchorAt.getTime() > after.getTime()) return { sequence: 0, at: anchorAt };
  // Jump close with an estimate, then walk: cheap and exact whatever the zone does.
  const days = (after.getTime() - anchorAt.getTime()) / 86_400_000;
  const perStep = rule.cadence === 'weekly' ? 7 : rule.cadence === 'biweekly' ? 14 : 28;
  let sequence = Math.max(0, Math.floor(days / perStep) - 2);
  while (occurrenceAt(rule, sequence).getTime() <= after.getTime()) sequence += 1;
  return { sequence, at: occurrenceAt(rule, sequence) };
}
