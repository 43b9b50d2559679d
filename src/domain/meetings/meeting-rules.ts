import { DateTime } from 'luxon';
import type { Cadence, Meeting, MeetingStatus, Pair } from '../../db/schema';
import type { FieldErrors } from '../pairs/pair-rules';
import { localDateIn, localToInstant } from '../time/zoned';
import { isNearEnd, type MeetingRule, nextOccurrence, occurrenceAt, occurrenceDate } from './cadence';

/** The columns of a pair that make its meeting rule. */
export type PairRule = Pick<Pair, 'cadence' | 'meeting_time' | 'time_zone' | 'first_meeting_on' | 'meeting_minutes' | 'anchor_sequence' | 'planned_end_on'>;

export function ruleOf(pair: Pick<PairRule, 'cadence' | 'meeting_time' | 'time_zone' | 'first_meeting_on'>): MeetingRule {
  return { cadence: pair.cadence, anchorDate: pair.first_meeting_on, time: pair.meeting_time, timeZone: pair.time_zone };
}

/** The outcome of a change made through a modal: done, or messages for the fields to correct. */
export type Changed<T, F extends string> = ({ ok: true } & T) | { ok: false; errors: FieldErrors<F> };

/** Whether a meeting falls near its pair's planned end (docs/usage.md: "Near the planned end"). */
export function meetingNearEnd(pair: PairRule, meeting: Pick<Meeting, 'scheduled_at'>): boolean {
  return isNearEnd(ruleOf(pair), pair.planned_end_on, localDateIn(meeting.scheduled_at, pair.time_zone));
}

/** The meeting sequence the rule alone says comes next after `now` (before skipped or held ones are passed over). */
export function ruleNextSequence(pair: PairRule, now: Date): number {
  return pair.anchor_sequence + nextOccurrence(ruleOf(pair), now).sequence;
}

export interface ExistingOccurrence {
  sequence: number;
  status: MeetingStatus;
  scheduledAt: Date;
}

export type UpcomingPlan =
  | { kind: 'exists'; sequence: number }
  | { kind: 'create'; sequence: number; at: Date }
  /** The rule plans nothing more before the pair's planned end. */
  | { kind: 'none' };

/** Far more than any real history needs; only guards the loop against corrupt data. */
const MAX_PASSED_OVER = 500;

/**
 * Which meeting row is the pair's next occurrence. Start at the rule's next sequence and pass over
 * the rows that no longer count: skipped, held or cancelled ones, and scheduled ones whose (moved)
 * time has already passed. The first sequence with no row yet is created at the rule's time, unless
 * its local date is after the planned end. `existing` holds the pair's rows from the rule's next
 * sequence on (more rows are harmless).
 */
export function planUpcoming(pair: PairRule, existing: readonly ExistingOccurrence[], now: Date): UpcomingPlan {
  const rule = ruleOf(pair);
  const bySequence = new Map(existing.map((row) => [row.sequence, row]));
  let step = nextOccurrence(rule, now).sequence;
  for (let passed = 0; passed < MAX_PASSED_OVER; passed += 1, step += 1) {
    const sequence = pair.anchor_sequence + step;
    const row = bySequence.get(sequence);
    if (!row) {
      if (occurrenceDate(rule, step) > pair.planned_end_on) return { kind: 'none' };
      return { kind: 'create', sequence, at: occurrenceAt(rule, step) };
    }
    if (row.status === 'scheduled' && row.scheduledAt.getTime() > now.getTime()) return { kind: 'exists', sequence };
  }
  return { kind: 'none' };
}

/**
 * Until when `plan` stays the right answer for the pair: `planUpcoming` only changes its mind once the
 * rule's next occurrence or the upcoming row's (possibly moved) time has passed, whichever is first.
 * The planning pass skips the pair until then (any change to its rule or meetings clears the mark).
 */
export function upcomingValidUntil(pair: PairRule, plan: UpcomingPlan, existing: readonly ExistingOccurrence[], now: Date): Date {
  const ruleNext = nextOccurrence(ruleOf(pair), now).at;
  const upcoming = plan.kind === 'none' ? undefined : plan.kind === 'create' ? plan.at : existing.find((row) => row.sequence === plan.sequence)?.scheduledAt;
  return upcoming && upcoming.getTime() < ruleNext.getTime() ? upcoming : ruleNext;
}

const MAX_DAYS_AHEAD = 366;

export type MeetingTimeField = 'date' | 'time';

/**
 * A one-off meeting time picked in the pair's zone: it must be in the future and within a year.
 * Errors go on the field to change (the time when the date is today).
 */
export function checkMeetingTime(
  input: { date: string; time: string },
  zone: string,
  now: Date,
): { ok: true; at: Date } | { ok: false; errors: FieldErrors<MeetingTimeField> } {
  const at = localToInstant(input.date, input.time, zone);
  if (at.getTime() <= now.getTime()) {
    const field: MeetingTimeField = input.date === localDateIn(now, zone) ? 'time' : 'date';
    return { ok: false, errors: { [field]: `Pick a time in the future (it is now ${localNow(now, zone)} in ${zone}).` } };
  }
  if (at.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return { ok: false, errors: { date: 'Pick a date within the next year.' } };
  return { ok: true, at };
}

/** The hours a meeting is fair to ask of someone, in their own zone (docs/usage.md, "Rescheduling across zones"). */
export const FAIR_HOURS = { from: '08:00', to: '20:00' } as const;

/** Whether a meeting starting at `at` starts before 08:00 or after 20:00 where `zone` is. */
export function outsideFairHours(at: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  return local < FAIR_HOURS.from || local > FAIR_HOURS.to;
}

export interface RuleChange {
  cadence: Cadence;
  time: string;
  meetingMinutes: number;
  /** Local date, in the pair's zone, of the first meeting under the new rhythm. */
  fromDate: string;
}

export type RuleField = 'fromDate' | 'time';

/** A new rhythm starts with a meeting in the future, no later than the mentorship's planned end. */
export function checkRuleChange(change: RuleChange, pair: Pick<PairRule, 'time_zone' | 'planned_end_on'>, now: Date): FieldErrors<RuleField> {
  const first = checkMeetingTime({ date: change.fromDate, time: change.time }, pair.time_zone, now);
  if (!first.ok) return compactErrors<RuleField>({ fromDate: first.errors.date, time: first.errors.time });
  if (change.fromDate > pair.planned_end_on) return { fromDate: `Pick a date on or before the mentorship's planned end (${pair.planned_end_on}).` };
  return {};
}

/** Drops the keys whose message is undefined, so "no errors" is an empty object. */
export function compactErrors<F extends string>(errors: FieldErrors<F>): FieldErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FieldErrors<F>;
}

function localNow(now: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${localDateIn(now, zone)} ${time.format(now)}`;
}
