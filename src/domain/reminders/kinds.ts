import { NOTICE_KIND } from '../notices/notice';

/**
 * Every kind of reminder the scheduler sends. The dedupe key of a row names its kind, the
 * occurrence it belongs to and its recipient, so planning the same thing twice inserts once.
 */
export const REMINDER_KINDS = [
  /** to the mentee, `prep_lead_minutes` before a meeting */
  'prep',
  /** to the mentor, a shorter heads-up with the agenda so far */
  'prep_heads_up',
  /** to both at the end of a meeting: say thanks */
  'thanks',
  /** to both, an hour after the end: record notes */
  'notes_prompt',
  /** to both, a day after the end when nobody recorded notes: agenda and open action items */
  'notes_missing',
  /** to the mentee, half-way between two meetings: resources and the achievement or challenge to share */
  'mid_cycle',
  /** to the owner, the day before action items are due */
  'action_due',
  /** to the mentee, a week before a goal's target date */
  'goal_target',
  /** to both, at a third and at two thirds of the planned duration: how is the mentorship going? (private) */
  'progress_check_in',
  /** to both, two weeks before the pair's planned end */
  'wrap_up',
  /** to each person who wants them, 1, 3 and 6 months after the pair ended: stay in touch */
  'check_in',
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The reminders of a running pair: never planned or sent for an invited, paused or ended one. Check-ins come after the end. */
export const PAIR_REMINDER_KINDS: readonly ReminderKind[] = REMINDER_KINDS.filter((kind) => kind !== 'check_in');

/**
 * What the dispatcher claims and sends: the reminders, and the notices the interaction layer writes
 * (src/domain/notices). Planning, cancelling and snoozing touch the reminder kinds only.
 */
export const DISPATCHED_KINDS = [...REMINDER_KINDS, NOTICE_KIND] as const;

/** Kinds about one meeting that is still ahead: stale once the meeting moved or is no longer scheduled. */
export const UPCOMING_MEETING_KINDS: readonly ReminderKind[] = ['prep', 'prep_heads_up', 'mid_cycle'];
/** Kinds about a meeting that took place: stale once notes are recorded (except thanks). */
export const AFTER_MEETING_KINDS: readonly ReminderKind[] = ['notes_prompt', 'notes_missing'];

export const dedupeKey = (kind: string, occurrence: string, recipientId: string): string => `${kind}:${occurrence}:${recipientId}`;

/** A snoozed reminder is a new row of the same kind, one per message snoozed (a double click inserts once). */
export const snoozeKey = (sourceReminderId: string): string => `snooze:${sourceReminderId}`;
