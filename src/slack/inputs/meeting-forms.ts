import { z } from 'zod';
import type { MeetingTimeField, RuleChange, RuleField } from '../../domain/meetings/meeting-rules';
import { PairPicker, RescheduleModal, RuleModal } from '../ids';
import { decodeMetadata } from './metadata';
import { type BlockErrors, readDate, readOption, readTime, checkViewState } from './view-state';

/** Button values and private_metadata name a meeting or a pair: only a well-formed id gets through. */
export const MeetingMetadata = z.object({ meetingId: z.uuid(), pairId: z.uuid().optional() });
export const RuleMetadata = z.object({ pairId: z.uuid() });

export const meetingIdOf = (raw: string | undefined): string | null => decodeMetadata(MeetingMetadata, raw)?.meetingId ?? null;
export const rulePairIdOf = (raw: string | undefined): string | null => decodeMetadata(RuleMetadata, raw)?.pairId ?? null;

/** The id a button carries, if it is one. */
export const idValue = (value: unknown): string | null => {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data : null;
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: BlockErrors };

const Reschedule = z.object({
  date: z.iso.date({ error: 'Pick the new date.' }),
  time: z.string({ error: 'Pick the new time.' }).regex(TIME, 'Pick a time such as 10:00.'),
});

export const RESCHEDULE_FIELD_BLOCKS: Record<MeetingTimeField, string> = { date: RescheduleModal.blocks.date, time: RescheduleModal.blocks.time };

export function parseRescheduleForm(values: unknown): FormResult<{ date: string; time: string }> {
  const { blocks: b, actions: a } = RescheduleModal;
  const parsed = Reschedule.safeParse({ date: readDate(values, b.date, a.date) ?? undefined, time: readTime(values, b.time, a.time) ?? undefined });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToBlocks(parsed.error.issues, RESCHEDULE_FIELD_BLOCKS) };
}

const Rule = z.object({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], { error: 'Pick how often you meet.' }),
  time: z.string({ error: 'Pick the time.' }).regex(TIME, 'Pick a time such as 10:00.'),
  meetingMinutes: z.coerce.number({ error: 'Pick the meeting length.' }).int().min(15, 'Pick the meeting length.').max(240, 'Pick the meeting length.'),
  fromDate: z.iso.date({ error: 'Pick the date of the first meeting in the new rhythm.' }),
});

export const RULE_FIELD_BLOCKS: Record<keyof RuleChange, string> & Record<RuleField, string> = {
  cadence: RuleModal.blocks.cadence,
  time: RuleModal.blocks.time,
  meetingMinutes: RuleModal.blocks.duration,
  fromDate: RuleModal.blocks.fromDate,
};

export function parseRuleForm(values: unknown): FormResult<RuleChange> {
  const state = checkViewState(values);
  const { blocks: b, actions: a } = RuleModal;
  const parsed = Rule.safeParse({
    cadence: readOption(state, b.cadence, a.cadence) ?? undefined,
    time: readTime(state, b.time, a.time) ?? undefined,
    meetingMinutes: readOption(state, b.duration, a.duration) ?? undefined,
    fromDate: readDate(state, b.fromDate, a.fromDate) ?? undefined,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToBlocks(parsed.error.issues, RULE_FIELD_BLOCKS) };
}

/** Domain field errors, keyed by the blocks that carry those fields. */
export function fieldErrorsToBlocks(errors: Partial<Record<string, string>>, blocks: Record<string, string>): BlockErrors {
  const out: BlockErrors = {};
  for (const [field, message] of Object.entries(errors)) if (message && blocks[field]) out[blocks[field]] = message;
  return out;
}

export function issuesToBlocks(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, blocks: Record<string, string>): BlockErrors {
  const errors: BlockErrors = {};
  for (const issue of issues) {
    const block = blocks[String(issue.path[0])];
    if (block && !errors[block]) errors[block] = issue.message;
  }
  return errors;
}

/**
 * The picker was changed but the modal could not follow (a failed refresh): the form still shows the
 * other pair's meeting, so ask again rather than save to the wrong pair.
 */
export function stalePairPicker(metadata: { pairId?: string } | null, submittedPairId: string | null): Record<string, string> | null {
  if (!metadata?.pairId || submittedPairId === metadata.pairId) return null;
  return { [PairPicker.blockId]: 'This form still shows the other mentorship; pick it again.' };
}
