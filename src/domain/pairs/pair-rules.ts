import type { Cadence } from '../../db/schema';
import { addMonths } from '../time/local-dates';
import { isValidTimeZone, localDateIn, localToInstant } from '../time/zoned';

/** The most pairs of one person that are read and listed at once (the newest ones). */
export const MAX_PAIRS_LISTED = 50;

export interface PairDraft {
  teamId: string;
  createdBy: string;
  mentorId: string;
  menteeId: string;
  goalsChannelId: string;
  cadence: Cadence;
  firstDate: string;
  firstTime: string;
  timeZone: string;
  meetingMinutes: number;
  programMonths: number;
}

/** What Slack tells us about someone picked in the modal. */
export interface PickedUser {
  userId: string;
  displayName: string;
  realName?: string | null;
  timeZone: string;
  isBot: boolean;
  deleted: boolean;
}

export type PairField = 'mentor' | 'mentee' | 'channel' | 'firstDate' | 'firstTime' | 'timeZone';
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

const MAX_DAYS_AHEAD = 366;

/** Checks a pair draft; every problem is reported on the field the person has to change. */
export function validatePairDraft(draft: PairDraft, people: { mentor: PickedUser; mentee: PickedUser }, now: Date): FieldErrors<PairField> {
  const errors: FieldErrors<PairField> = {};
  for (const role of ['mentor', 'mentee'] as const) {
    const person = people[role];
    if (person.isBot) errors[role] = `${person.displayName} is a bot; pick a person.`;
    else if (person.deleted) errors[role] = `${person.displayName} is no longer in this workspace.`;
  }
  if (draft.mentorId === draft.menteeId) errors.mentee = 'The mentee must be someone other than the mentor.';
  if (!isValidTimeZone(draft.timeZone)) {
    errors.timeZone = 'Use a time zone name such as Europe/Berlin or America/New_York.';
    return errors;
  }
  const firstMeeting = firstMeetingInstant(draft);
  if (firstMeeting.getTime() <= now.getTime()) {
    const today = localDateIn(now, draft.timeZone);
    const field = draft.firstDate === today ? 'firstTime' : 'firstDate';
    errors[field] = `The first meeting must be in the future (it is now ${localNow(now, draft.timeZone)} in ${draft.timeZone}).`;
  } else if (firstMeeting.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) {
    errors.firstDate = 'Pick a first meeting within the next year.';
  }
  return errors;
}

export function firstMeetingInstant(draft: Pick<PairDraft, 'firstDate' | 'firstTime' | 'timeZone'>): Date {
  return localToInstant(draft.firstDate, draft.firstTime, draft.timeZone);
}

export function plannedEnd(draft: Pick<PairDraft, 'firstDate' | 'programMonths'>): string {
  return addMonths(draft.firstDate, draft.programMonths);
}

function localNow(now: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${localDateIn(now, zone)} ${time.format(now)}`;
}
