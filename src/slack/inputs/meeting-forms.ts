import { z } from 'zod';
import { Uuid } from '../../domain/ids';
import type { MeetingTimeField, RuleChange, RuleField } from '../../domain/meetings/meeting-rules';
import type { Parsed } from '../adapters/view';
import { PairPicker, ProposeTimeModal, RescheduleModal, RuleModal } from '../ids';
import { submittedPairId } from '../pair-resolver';
import { decodeMetadata } from './metadata';
import { type BlockErrors, readDate, readOption, readTime, checkViewState } from './view-state';

/**
 * The meeting modals carry the meeting (or, for the rhythm, the pair) in their private_metadata. It
 * is a claim, like every id that comes back from the client: a missing or malformed one reaches the
 * service as null and is refused there, under the modal's main field, like any id that is not theirs.
 */
const MeetingMetadata = z.object({ meetingId: Uuid, pairId: Uuid.optional() });
const RuleMetadata = z.object({ pairId: Uuid });

/** A submitted view, as far as the meeting forms read it. */
export interface MeetingView {
  private_metadata?: string;
  state: { values: unknown };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const Reschedule = z.object({
  date: z.iso.date({ error: 'Pick the new date.' }),
  time: z.string({ error: 'Pick the new time.' }).regex(TIME, 'Pick a time such as 10:00.'),
});

export const RESCHEDULE_FIELD_BLOCKS: Record<MeetingTimeField, string> = { date: RescheduleModal.blocks.date, time: RescheduleModal.blocks.time };
export const PROPOSE_FIELD_BLOCKS: Record<MeetingTimeField, string> = { date: ProposeTimeModal.blocks.date, time: ProposeTimeModal.blocks.time };

/** The time confirmed in a reschedule modal that warned about it: moving to exactly that time needs no second warning. */
const RescheduleMetadata = MeetingMetadata.extend({ anyHour: z.object({ date: z.string(), time: z.string() }).optional() });

type TimeForm = { meetingId: string | null; date: string; time: string };

/** A meeting time form (reschedule or proposal): the meeting it was opened for, and the date and time (read in the pair's zone by the service). */
function readTimeForm(
  ids: typeof RescheduleModal | typeof ProposeTimeModal,
  fields: Record<MeetingTimeField, string>,
  view: MeetingView,
  values: unknown,
): Parsed<TimeForm> {
  const { blocks: b, actions: a } = ids;
  const parsed = Reschedule.safeParse({ date: readDate(values, b.date, a.date) ?? undefined, time: readTime(values, b.time, a.time) ?? undefined });
  if (!parsed.success) return { ok: false, errors: issuesToBlocks(parsed.error.issues, fields) };
  return { ok: true, value: { meetingId: decodeMetadata(MeetingMetadata, view.private_metadata)?.meetingId ?? null, ...parsed.data } };
}

/** The reschedule modal; `anyHour` when the time is the one its warning asked to confirm. */
export function readRescheduleForm(view: MeetingView, values: unknown): Parsed<TimeForm & { anyHour: boolean }> {
  const form = readTimeForm(RescheduleModal, RESCHEDULE_FIELD_BLOCKS, view, values);
  if (!form.ok) return form;
  const confirmed = decodeMetadata(RescheduleMetadata, view.private_metadata)?.anyHour;
  return { ok: true, value: { ...form.value, anyHour: confirmed?.date === form.value.date && confirmed.time === form.value.time } };
}

/** The "Doesn't suit me" modal: the meeting and the time proposed instead. */
export const readProposeForm = (view: MeetingView, values: unknown): Parsed<TimeForm> => readTimeForm(ProposeTimeModal, PROPOSE_FIELD_BLOCKS, view, values);

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

/** The rhythm modal: the pair it was opened for, and the new rule. */
export function readRuleForm(view: MeetingView, values: unknown): Parsed<{ pairId: string | null; change: RuleChange }> {
  const state = checkViewState(values);
  const { blocks: b, actions: a } = RuleModal;
  const parsed = Rule.safeParse({
    cadence: readOption(state, b.cadence, a.cadence) ?? undefined,
    time: readTime(state, b.time, a.time) ?? undefined,
    meetingMinutes: readOption(state, b.duration, a.duration) ?? undefined,
    fromDate: readDate(state, b.fromDate, a.fromDate) ?? undefined,
  });
  if (!parsed.success) return { ok: false, errors: issuesToBlocks(parsed.error.issues, RULE_FIELD_BLOCKS) };
  return { ok: true, value: { pairId: decodeMetadata(RuleMetadata, view.private_metadata)?.pairId ?? null, change: parsed.data } };
}

function issuesToBlocks(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, blocks: Record<string, string>): BlockErrors {
  const errors: BlockErrors = {};
  for (const issue of issues) {
    const block = blocks[String(issue.path[0])];
    if (block && !errors[block]) errors[block] = issue.message;
  }
  return errors;
}

/**
 * An agenda or notes modal: the meeting it is about (a claim the service checks) and its fields,
 * read by `parse` (block ids scoped to the meeting need its id). When the pair picker was changed but
 * the modal could not follow (a failed refresh), the form still shows the other pair's meeting: ask
 * again rather than save to the wrong pair.
 */
export function readMeetingForm<T>(view: MeetingView, parse: (meetingId: string) => Parsed<T>): Parsed<{ meetingId: string | null; form: T }> {
  const metadata = decodeMetadata(MeetingMetadata, view.private_metadata);
  if (metadata?.pairId && submittedPairId(view) !== metadata.pairId) {
    return { ok: false, errors: { [PairPicker.blockId]: 'This form still shows the other mentorship; pick it again.' } };
  }
  const meetingId = metadata?.meetingId ?? null;
  const form = parse(meetingId ?? '');
  return form.ok ? { ok: true, value: { meetingId, form: form.value } } : form;
}
