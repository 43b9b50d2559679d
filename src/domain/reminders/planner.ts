import { DateTime } from 'luxon';
import { localToInstant } from '../time/zoned';
import { dedupeKey, type ReminderKind } from './kinds';
import { afterQuietHours, spreadMs } from './quiet-hours';
import { CHECK_IN_MONTHS, checkInAt, checkInExpiresAt } from '../pairs/lifecycle-timing';
import { type Checkpoint, checkpointAt, checkpointExpiresAt } from '../check-ins/check-in-timing';

/**
 * The planning rules, pure: given a pair, its people and one occurrence, the reminders it needs,
 * each with its due instant (quiet hours applied in the recipient's zone), its expiry and the basis
 * it was computed from. The planning pass writes them with their dedupe keys.
 */
export interface PlanPerson {
  userId: string;
  timeZone: string;
  prepLeadMinutes: number;
}

export interface PlanPair {
  id: string;
  teamId: string;
  mentor: PlanPerson;
  mentee: PlanPerson;
  plannedEndOn: string;
}

export interface PlanMeeting {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** The pair's previous meeting, for the mid-cycle nudge. */
  previousAt: Date | null;
}

export interface PlannedReminder {
  teamId: string;
  kind: ReminderKind;
  pairId: string;
  meetingId: string | null;
  recipientId: string;
  dedupeKey: string;
  dueAt: Date;
  expiresAt: Date;
  basis: string;
  payload: Record<string, unknown>;
  /** Set when the reminder can never go out (quiet hours push it past its expiry). */
  skipReason?: 'quiet_hours';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Reminders due at the same instant are spread over this many seconds (SCHEDULER.md: spread due times). */
const SPREAD_SECONDS = 90;
/** Those pushed to 08:00 by quiet hours share one morning: spread wider. */
const MORNING_SPREAD_SECONDS = 600;

interface Draft {
  kind: ReminderKind;
  occurrence: string;
  recipient: PlanPerson;
  at: Date;
  expiresAt: Date;
  basis: string;
  payload: Record<string, unknown>;
  meetingId: string | null;
}

/** Applies quiet hours and the spread; a reminder that cannot go out before it expires is marked skipped. */
function finish(pair: Pick<PlanPair, 'id' | 'teamId'>, draft: Draft): PlannedReminder {
  const key = dedupeKey(draft.kind, draft.occurrence, draft.recipient.userId);
  const morning = afterQuietHours(draft.at, draft.recipient.timeZone);
  const deferred = morning.getTime() !== draft.at.getTime();
  const spread = spreadMs(key, deferred ? MORNING_SPREAD_SECONDS : SPREAD_SECONDS);
  let dueAt = new Date(morning.getTime() + spread);
  // The spread must neither pass the expiry nor land back in quiet hours (20:59 + 90 s).
  if (dueAt.getTime() >= draft.expiresAt.getTime() || afterQuietHours(dueAt, draft.recipient.timeZone).getTime() !== dueAt.getTime()) dueAt = morning;
  const reminder: PlannedReminder = {
    teamId: pair.teamId,
    kind: draft.kind,
    pairId: pair.id,
    meetingId: draft.meetingId,
    recipientId: draft.recipient.userId,
    dedupeKey: key,
    dueAt,
    expiresAt: draft.expiresAt,
    basis: `${draft.basis}|${draft.recipient.timeZone}`,
    payload: draft.payload,
  };
  if (morning.getTime() >= draft.expiresAt.getTime()) reminder.skipReason = 'quiet_hours';
  return reminder;
}

/** Prep nudge and heads-up before, thanks at the end, notes prompt after, the no-notes summary a day later, mid-cycle nudge between. */
export function meetingReminders(pair: PlanPair, meeting: PlanMeeting): PlannedReminder[] {
  const start = meeting.scheduledAt;
  const end = new Date(start.getTime() + meeting.durationMinutes * MINUTE);
  const meetingAt = start.toISOString();
  const base = { occurrence: meeting.id, meetingId: meeting.id, payload: { meetingAt } };
  const at = (ms: number) => new Date(ms);
  const drafts: Draft[] = [];
  const lead = (person: PlanPerson) => leadInstant(start, person);
  drafts.push({ ...base, kind: 'prep', recipient: pair.mentee, at: lead(pair.mentee), expiresAt: end, basis: `${meetingAt}|${pair.mentee.prepLeadMinutes}` });
  drafts.push({
    ...base,
    kind: 'prep_heads_up',
    recipient: pair.mentor,
    at: lead(pair.mentor),
    expiresAt: end,
    basis: `${meetingAt}|${pair.mentor.prepLeadMinutes}`,
  });
  for (const person of [pair.mentee, pair.mentor]) {
    drafts.push({ ...base, kind: 'thanks', recipient: person, at: end, expiresAt: at(end.getTime() + 2 * DAY), basis: meetingAt });
    drafts.push({ ...base, kind: 'notes_prompt', recipient: person, at: at(end.getTime() + HOUR), expiresAt: at(end.getTime() + 2 * DAY), basis: meetingAt });
    drafts.push({ ...base, kind: 'notes_missing', recipient: person, at: at(end.getTime() + DAY), expiresAt: at(end.getTime() + 4 * DAY), basis: meetingAt });
  }
  const midCycle = midCycleAt(meeting, pair.mentee.timeZone);
  // "Half-way" read three days late would be wrong: it expires a day after it is due (or at the meeting).
  const midCycleExpiry = (due: Date) => at(Math.min(start.getTime(), due.getTime() + DAY));
  if (midCycle)
    drafts.push({
      ...base,
      kind: 'mid_cycle',
      recipient: pair.mentee,
      at: midCycle,
      expiresAt: midCycleExpiry(midCycle),
      basis: `${meetingAt}|${meeting.previousAt?.toISOString()}`,
    });
  return drafts.map((draft) => finish(pair, draft));
}

/**
 * "24 hours before" means the same wall time the day before in the reader's zone, also across a
 * daylight-saving change (then it is 23 or 25 real hours): whole days are calendar days, the rest
 * is minutes.
 */
export function leadInstant(start: Date, person: PlanPerson): Date {
  const days = Math.floor(person.prepLeadMinutes / 1440);
  const minutes = person.prepLeadMinutes % 1440;
  return DateTime.fromJSDate(start, { zone: person.timeZone }).minus({ days }).minus({ minutes }).toJSDate();
}

/** 10:00 in the mentee's zone on the local date half-way between the previous meeting and this one. */
function midCycleAt(meeting: PlanMeeting, zone: string): Date | null {
  if (!meeting.previousAt) return null;
  const gap = meeting.scheduledAt.getTime() - meeting.previousAt.getTime();
  if (gap < 3 * DAY) return null;
  const middle = new Date(meeting.previousAt.getTime() + gap / 2);
  const localDate = DateTime.fromJSDate(middle, { zone }).toISODate() ?? '';
  return localToInstant(localDate, '10:00', zone);
}

const localDay = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;

/** The day before action items are due, 09:00 in the owner's zone; stale once the due day is over. */
export function actionDueReminder(pair: PlanPair, owner: PlanPerson, dueOn: string): PlannedReminder {
  return finish(pair, {
    kind: 'action_due',
    occurrence: `${pair.id}:${dueOn}`,
    recipient: owner,
    at: localToInstant(localDay(dueOn, -1), '09:00', owner.timeZone),
    expiresAt: localToInstant(localDay(dueOn, 1), '00:00', owner.timeZone),
    basis: dueOn,
    payload: { dueOn },
    meetingId: null,
  });
}

/** A week before a goal's target date, 09:00 in the mentee's zone. */
export function goalTargetReminder(pair: PlanPair, goal: { id: string; targetDate: string }): PlannedReminder {
  const at = localToInstant(localDay(goal.targetDate, -7), '09:00', pair.mentee.timeZone);
  return finish(pair, {
    kind: 'goal_target',
    occurrence: `${goal.id}:${goal.targetDate}`,
    recipient: pair.mentee,
    at,
    expiresAt: localToInstant(localDay(goal.targetDate, -2), '21:00', pair.mentee.timeZone),
    basis: goal.targetDate,
    payload: { goalId: goal.id, targetDate: goal.targetDate },
    meetingId: null,
  });
}

/**
 * "How is the mentorship going?" to each person on the local date of checkpoint `n` (a third or two
 * thirds of the way), 10:00 in their zone. The key names pair, checkpoint and person: once per person.
 */
export function progressCheckInReminders(pair: PlanPair, checkpoint: Checkpoint, date: string): PlannedReminder[] {
  return [pair.mentee, pair.mentor].map((person) => {
    const at = checkpointAt(date, person.timeZone);
    return finish(pair, {
      kind: 'progress_check_in',
      occurrence: `${pair.id}:${checkpoint}`,
      recipient: person,
      at,
      expiresAt: checkpointExpiresAt(at),
      basis: date,
      payload: { checkpoint, date },
      meetingId: null,
    });
  });
}

/**
 * Near the planned end (as the meetings feature defines it: from the second-to-last meeting on), two
 * days before that meeting at 09:00 in each person's zone, so the wrap-up can go on its agenda.
 * `wrapUpFrom` is that meeting's local date; without one, two weeks before the end.
 */
export function wrapUpReminders(pair: PlanPair, wrapUpFrom: string | null): PlannedReminder[] {
  const promptOn = wrapUpFrom ? localDay(wrapUpFrom, -2) : localDay(pair.plannedEndOn, -14);
  return [pair.mentee, pair.mentor].map((person) =>
    finish(pair, {
      kind: 'wrap_up',
      occurrence: `${pair.id}:${pair.plannedEndOn}`,
      recipient: person,
      at: localToInstant(promptOn, '09:00', person.timeZone),
      expiresAt: localToInstant(pair.plannedEndOn, '21:00', person.timeZone),
      basis: `${pair.plannedEndOn}|${promptOn}`,
      payload: { plannedEndOn: pair.plannedEndOn },
      meetingId: null,
    }),
  );
}

/**
 * Stay-in-touch check-ins after a pair ended: 1, 3 and 6 months after its end date, 10:00 in the
 * person's zone. Each is stale two weeks after it was due.
 */
export function checkInReminders(pair: Pick<PlanPair, 'id' | 'teamId'>, person: PlanPerson, endedOn: string): PlannedReminder[] {
  return CHECK_IN_MONTHS.map((months) => {
    const at = checkInAt(endedOn, months, person.timeZone);
    return finish(pair, {
      kind: 'check_in',
      occurrence: `${pair.id}:${months}`,
      recipient: person,
      at,
      expiresAt: checkInExpiresAt(at),
      basis: `${endedOn}|${months}`,
      payload: { months, endedOn },
      meetingId: null,
    });
  });
}
