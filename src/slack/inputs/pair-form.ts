import { z } from 'zod';
import type { PairDraft, PairField } from '../../domain/pairs/pair-rules';
import type { Parsed } from '../adapters/view';
import { PairModal } from '../ids';
import { type BlockErrors, readConversation, readDate, readOption, readText, readTime, readUser, checkViewState } from './view-state';

const { blocks: b, actions: a } = PairModal;

/** Which block carries each domain field, so domain errors land under the right input. */
export const PAIR_FIELD_BLOCKS: Record<PairField, string> = {
  mentor: b.mentor,
  mentee: b.mentee,
  channel: b.channel,
  firstDate: b.firstDate,
  firstTime: b.firstTime,
  timeZone: b.timeZone,
};

const PairForm = z.object({
  mentorId: z.string({ error: 'Pick the mentor.' }).regex(/^[UW][A-Z0-9]+$/, 'Pick the mentor.'),
  menteeId: z.string({ error: 'Pick the mentee.' }).regex(/^[UW][A-Z0-9]+$/, 'Pick the mentee.'),
  goalsChannelId: z.string({ error: 'Pick the goals channel.' }).regex(/^[CG][A-Z0-9]+$/, 'Pick a channel (not a direct message).'),
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], { error: 'Pick how often you meet.' }),
  firstDate: z.iso.date({ error: 'Pick the date of the first meeting.' }),
  firstTime: z.string({ error: 'Pick the time of the first meeting.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Pick a time such as 10:00.'),
  timeZone: z.string({ error: 'Enter the time zone the meeting is held in.' }).min(1).max(64),
  meetingMinutes: z.coerce.number({ error: 'Pick the meeting length.' }).int().min(15).max(240),
  programMonths: z.coerce.number({ error: 'Pick how long the mentorship lasts.' }).int().min(1).max(24),
});

const FORM_FIELD_BLOCKS: Record<keyof z.infer<typeof PairForm>, string> = {
  mentorId: b.mentor,
  menteeId: b.mentee,
  goalsChannelId: b.channel,
  cadence: b.cadence,
  firstDate: b.firstDate,
  firstTime: b.firstTime,
  timeZone: b.timeZone,
  meetingMinutes: b.duration,
  programMonths: b.length,
};

export type PairForm = Omit<PairDraft, 'teamId' | 'createdBy'>;

export function parsePairForm(values: unknown): Parsed<PairForm> {
  const state = checkViewState(values);
  const raw = {
    mentorId: readUser(state, b.mentor, a.mentor) ?? undefined,
    menteeId: readUser(state, b.mentee, a.mentee) ?? undefined,
    goalsChannelId: readConversation(state, b.channel, a.channel) ?? undefined,
    cadence: readOption(state, b.cadence, a.cadence) ?? undefined,
    firstDate: readDate(state, b.firstDate, a.firstDate) ?? undefined,
    firstTime: readTime(state, b.firstTime, a.firstTime) ?? undefined,
    timeZone: readText(state, b.timeZone, a.timeZone) ?? undefined,
    meetingMinutes: readOption(state, b.duration, a.duration) ?? undefined,
    programMonths: readOption(state, b.length, a.length) ?? undefined,
  };
  const parsed = PairForm.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: BlockErrors = {};
  for (const issue of parsed.error.issues) {
    const block = FORM_FIELD_BLOCKS[issue.path[0] as keyof typeof FORM_FIELD_BLOCKS];
    if (block && !errors[block]) errors[block] = issue.message;
  }
  return { ok: false, errors };
}
