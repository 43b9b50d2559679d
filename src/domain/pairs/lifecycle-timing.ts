import { DateTime } from 'luxon';
import { lastOccurrenceOnOrBefore, occurrenceAt } from '../meetings/cadence';
import { type PairRule, ruleOf } from '../meetings/meeting-rules';
import { localDateIn, localToInstant } from '../time/zoned';
import { INVITATION_DAYS } from './lifecycle-rules';

/** When the pair's life moves on by itself, pure: the scheduler's pass asks these. */

const DAY = 86_400_000;

export const invitationExpiresAt = (invitedAt: Date): Date => new Date(invitedAt.getTime() + INVITATION_DAYS * DAY);

const nextLocalDay = (date: string, days = 1): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;

/**
 * The pair ends by itself at whichever comes first: the end of its last planned meeting (the rule's
 * last occurrence on or before the planned end, or a later meeting row it was moved to), or the end
 * of its planned end date in its zone.
 */
export function endDueAt(pair: PairRule, latestMeetingEnd: Date | null): Date {
  const afterEndDate = localToInstant(nextLocalDay(pair.planned_end_on), '00:00', pair.time_zone);
  const rule = ruleOf(pair);
  const last = lastOccurrenceOnOrBefore(rule, pair.planned_end_on);
  if (last < 0) return afterEndDate;
  const ruleEnd = occurrenceAt(rule, last).getTime() + pair.meeting_minutes * 60_000;
  const lastEnd = Math.max(ruleEnd, latestMeetingEnd?.getTime() ?? 0);
  return new Date(Math.min(afterEndDate.getTime(), lastEnd));
}

/** A pause with a resume date ends at the start of that day in the pair's zone. */
export const resumeDue = (resumeOn: string, zone: string, now: Date): boolean => localDateIn(now, zone) >= resumeOn;

/** Stay-in-touch check-ins: this many months after the end. */
export const CHECK_IN_MONTHS = [1, 3, 6] as const;

/** 10:00 in the person's zone, `months` after the local date the pair ended on (quiet hours never apply at 10:00). */
export function checkInAt(endedOn: string, months: number, zone: string): Date {
  const date = DateTime.fromISO(endedOn, { zone: 'UTC' }).plus({ months }).toISODate() ?? endedOn;
  return localToInstant(date, '10:00', zone);
}

/** A check-in is still worth sending for two weeks after it was due (a backlog, a long quiet spell). */
export const checkInExpiresAt = (dueAt: Date): Date => new Date(dueAt.getTime() + 14 * DAY);
