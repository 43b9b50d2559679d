import { z } from 'zod';
import type { Cadence } from '../../db/schema';
import { type PairDraft, type PickedUser, validatePairDraft } from '../pairs/pair-rules';

/**
 * Bulk enrolment (issue 16, point 3): a coordinator pastes one pair per line,
 * `mentor, mentee, #channel, rhythm, first meeting`, and gets a preview of what will be created.
 * Pure: parsing the text, then checking the lines once Slack has said who the people are. Every
 * problem names its line, so the person can fix it in the text they typed.
 */

/**
 * The most lines of one batch. The preview shows one block per line (Slack allows 100 in a modal) and
 * carries the checked lines in its private_metadata (3,000 characters: about 55 characters a line).
 */
export const ENROL_MAX_LINES = 50;
/** What the single set-up modal starts with, and a batch uses: either person can change it afterwards. */
export const ENROL_MEETING_MINUTES = 60;
export const ENROL_PROGRAM_MONTHS = 6;
/** Line errors shown under the input at once; the rest are counted. */
const ERRORS_SHOWN = 10;

/** A person as written on a line: a Slack mention (`<@U…>`, or a bare id) or an email address. */
export type PersonRef = { kind: 'user'; userId: string } | { kind: 'email'; email: string };

export interface EnrolLine {
  line: number;
  mentor: PersonRef;
  mentee: PersonRef;
  goalsChannelId: string;
  cadence: Cadence;
  /** 'YYYY-MM-DD' and 'HH:MM', read in the mentee's Slack time zone once it is known. */
  firstDate: string;
  firstTime: string;
}

export interface LineError {
  line: number;
  message: string;
}

/** A checked line: the single set-up's draft and the two people as Slack knows them. */
export interface EnrolPair {
  line: number;
  draft: Omit<PairDraft, 'teamId' | 'createdBy'>;
  people: { mentor: PickedUser; mentee: PickedUser };
}

/** The rhythm in the words the single set-up modal uses (its labels and values), any case. */
const RHYTHMS: Record<string, Cadence> = {
  weekly: 'weekly',
  'every week': 'weekly',
  biweekly: 'biweekly',
  'every two weeks': 'biweekly',
  monthly: 'monthly',
  'every month': 'monthly',
};

const USER = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,20})$/;
const CHANNEL = /^<#([CG][A-Z0-9]{2,20})(?:\|[^>]*)?>$|^([CG][A-Z0-9]{2,20})$/;
const EMAIL = z.email();
const WHEN = /^(\d{4}-\d{2}-\d{2})(?:\s+|T)(\d{1,2}):(\d{2})$/;
const DATE = z.iso.date();

export const FORMAT = 'mentor, mentee, #channel, rhythm, first meeting';

type LineResult = { ok: true; value: EnrolLine } | { ok: false; message: string };

/** The text as typed: one pair per non-empty line, each parsed on its own so every bad line is named. */
export function parseEnrolment(text: string): { ok: true; lines: EnrolLine[] } | { ok: false; errors: LineError[] } {
  const numbered = text.split(/\r?\n/).flatMap((raw, i) => (raw.trim() === '' ? [] : [{ line: i + 1, raw: raw.trim() }]));
  if (numbered.length === 0) return { ok: false, errors: [{ line: 0, message: `Write one pair per line: ${FORMAT}.` }] };
  if (numbered.length > ENROL_MAX_LINES)
    return {
      ok: false,
      errors: [{ line: 0, message: `Enrol at most ${ENROL_MAX_LINES} pairs at once; this has ${numbered.length}. Split the list and send the rest next.` }],
    };
  const lines: EnrolLine[] = [];
  const errors: LineError[] = [];
  for (const { line, raw } of numbered) {
    const parsed = parseLine(line, raw);
    if (parsed.ok) lines.push(parsed.value);
    else errors.push({ line, message: parsed.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

function parseLine(line: number, raw: string): LineResult {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 5) return { ok: false, message: `write five parts separated by commas (${FORMAT}); I found ${parts.length}.` };
  const [mentorText, menteeText, channelText, rhythmText, whenText] = parts as [string, string, string, string, string];
  const mentor = personRef(mentorText);
  if (!mentor) return { ok: false, message: `the mentor "${shown(mentorText)}" is neither an @mention nor an email address.` };
  const mentee = personRef(menteeText);
  if (!mentee) return { ok: false, message: `the mentee "${shown(menteeText)}" is neither an @mention nor an email address.` };
  const channel = CHANNEL.exec(channelText);
  if (!channel) return { ok: false, message: `"${shown(channelText)}" is not a channel: write it as #channel (picked from the list as you type).` };
  const cadence = RHYTHMS[rhythmText.toLowerCase().replace(/\s+/g, ' ')];
  if (!cadence) return { ok: false, message: `the rhythm "${shown(rhythmText)}" is not one I know: write every week, every two weeks or every month.` };
  const when = WHEN.exec(whenText);
  const hour = when ? Number(when[2]) : NaN;
  if (!when || !DATE.safeParse(when[1]).success || hour > 23 || Number(when[3]) > 59)
    return { ok: false, message: `the first meeting "${shown(whenText)}" is not a date and time such as 2027-01-11 10:00.` };
  return {
    ok: true,
    value: {
      line,
      mentor,
      mentee,
      goalsChannelId: (channel[1] ?? channel[2])!,
      cadence,
      firstDate: when[1]!,
      firstTime: `${String(hour).padStart(2, '0')}:${when[3]}`,
    },
  };
}

function personRef(text: string): PersonRef | null {
  const user = USER.exec(text);
  if (user) return { kind: 'user', userId: (user[1] ?? user[2])! };
  const email = text.replace(/^<mailto:([^|>]+)(?:\|[^>]*)?>$/, '$1');
  return EMAIL.safeParse(email).success ? { kind: 'email', email: email.toLowerCase() } : null;
}

/** A piece of what was typed, quoted back short (never a mention Slack would render: it is plain text in an error). */
const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** One key per person as written, for looking each up once. */
export const refKey = (ref: PersonRef): string => (ref.kind === 'user' ? `user:${ref.userId}` : `email:${ref.email}`);

const refText = (ref: PersonRef): string => (ref.kind === 'user' ? `<@${ref.userId}>` : ref.email);

export interface EnrolContext {
  /** Slack's answer for each person as written (refKey); null: Slack knows no such person. */
  people: ReadonlyMap<string, PickedUser | null>;
  /** The coordinator enrolling: a pair of their own is set up (as an invitation) with /mentorship pair instead. */
  coordinatorId: string;
  /** "Already a pair" refusals, by `mentorId:menteeId`, for pairs that already run (read before). */
  taken: ReadonlyMap<string, string>;
  now: Date;
}

export const pairKey = (mentorId: string, menteeId: string): string => `${mentorId}:${menteeId}`;

/**
 * The lines checked as the single set-up checks a pair (people, zone, first meeting from now to a
 * year ahead), plus what only a batch can get wrong: a person Slack does not know, a pair written
 * twice, a pair that already runs. The first meeting is read in the mentee's Slack time zone, as the
 * single set-up modal suggests.
 */
export function checkEnrolment(lines: readonly EnrolLine[], context: EnrolContext): { pairs: EnrolPair[]; errors: LineError[] } {
  const pairs: EnrolPair[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    const mentor = context.people.get(refKey(line.mentor));
    const mentee = context.people.get(refKey(line.mentee));
    const fail = (message: string) => errors.push({ line: line.line, message });
    if (!mentor) {
      fail(`I can't find the mentor ${refText(line.mentor)} in this workspace.`);
      continue;
    }
    if (!mentee) {
      fail(`I can't find the mentee ${refText(line.mentee)} in this workspace.`);
      continue;
    }
    const key = pairKey(mentor.userId, mentee.userId);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(`the same pair as line ${earlier}.`);
      continue;
    }
    seen.set(key, line.line);
    if (mentor.userId === context.coordinatorId || mentee.userId === context.coordinatorId) {
      fail('you are in this pair: set up your own pair with /mentorship pair.');
      continue;
    }
    const taken = context.taken.get(key);
    if (taken) {
      fail(taken);
      continue;
    }
    const draft = {
      mentorId: mentor.userId,
      menteeId: mentee.userId,
      goalsChannelId: line.goalsChannelId,
      cadence: line.cadence,
      firstDate: line.firstDate,
      firstTime: line.firstTime,
      timeZone: mentee.timeZone,
      meetingMinutes: ENROL_MEETING_MINUTES,
      programMonths: ENROL_PROGRAM_MONTHS,
    };
    const problems = Object.values(validatePairDraft({ ...draft, teamId: '', createdBy: context.coordinatorId }, { mentor, mentee }, context.now));
    if (problems.length > 0) fail(problems.join(' '));
    else pairs.push({ line: line.line, draft, people: { mentor, mentee } });
  }
  return { pairs, errors };
}

/** The errors as one text under the input: each names its line, the first few listed, the rest counted. */
export function lineErrorsText(errors: readonly LineError[]): string {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const listed = sorted.slice(0, ERRORS_SHOWN).map((e) => (e.line === 0 ? e.message : `Line ${e.line}: ${e.message}`));
  const more = sorted.length - listed.length;
  return [...listed, ...(more > 0 ? [`…and ${more} more ${more === 1 ? 'line' : 'lines'} to fix.`] : [])].join('\n');
}
