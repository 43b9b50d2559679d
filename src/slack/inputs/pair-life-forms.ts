import { z } from 'zod';
import type { ReflectionForm } from '../../domain/pairs/closing.service';
import type { PairChange } from '../../domain/pairs/pair-change-rules';
import type { Parsed } from '../adapters/view';
import { CheckInNoteModal, PairChangeModal, PairDeclineModal, PairEndModal, PairPauseModal, PairReflectionModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { readConversation, readDate, readOption, readOptions, readText } from './view-state';

/** The forms of a pair's life: each names its pair (a claim the service checks) and its fields. */

type View = { private_metadata?: string; blocks: readonly { block_id?: string }[] };

const Reason = z.string().max(3000).nullable().catch(null);

export function parseDeclineForm(view: View, values: unknown): Parsed<{ pairId: string; reason: string | null }> {
  const pair = requirePairId(view, values, PairDeclineModal.blocks.reason);
  if (!pair.ok) return pair;
  return { ok: true, value: { pairId: pair.pairId, reason: Reason.parse(readText(values, PairDeclineModal.blocks.reason, PairDeclineModal.actions.reason)) } };
}

export function parseEndForm(view: View, values: unknown): Parsed<{ pairId: string; reason: string | null }> {
  const pair = requirePairId(view, values, PairEndModal.blocks.reason);
  if (!pair.ok) return pair;
  return { ok: true, value: { pairId: pair.pairId, reason: Reason.parse(readText(values, PairEndModal.blocks.reason, PairEndModal.actions.reason)) } };
}

export function parsePauseForm(view: View, values: unknown): Parsed<{ pairId: string; resumeOn: string | null }> {
  const pair = requirePairId(view, values, PairPauseModal.blocks.resumeOn);
  if (!pair.ok) return pair;
  const date = readDate(values, PairPauseModal.blocks.resumeOn, PairPauseModal.actions.resumeOn);
  if (date !== null && !z.iso.date().safeParse(date).success) return { ok: false, errors: { [PairPauseModal.blocks.resumeOn]: 'Pick a date.' } };
  return { ok: true, value: { pairId: pair.pairId, resumeOn: date } };
}

export function parseChangeForm(view: View, values: unknown): Parsed<{ pairId: string; change: PairChange }> {
  const { blocks: b, actions: a } = PairChangeModal;
  const pair = requirePairId(view, values, b.plannedEnd);
  if (!pair.ok) return pair;
  const channel = readConversation(values, b.channel, a.channel);
  const zone = readText(values, b.timeZone, a.timeZone);
  const end = readDate(values, b.plannedEnd, a.plannedEnd);
  const errors: Record<string, string> = {};
  if (!channel) errors[b.channel] = 'Pick the goals channel.';
  if (!zone || zone.length > 64) errors[b.timeZone] = 'Enter the time zone the meetings are held in, such as Europe/Berlin.';
  if (!end || !z.iso.date().safeParse(end).success) errors[b.plannedEnd] = 'Pick the planned end.';
  if (Object.keys(errors).length > 0 || !channel || !zone || !end) return { ok: false, errors };
  return { ok: true, value: { pairId: pair.pairId, change: { goalsChannelId: channel, timeZone: zone, plannedEndOn: end } } };
}

/** Which block carries each service field of the change form. */
export const CHANGE_FIELD_BLOCKS = {
  channel: PairChangeModal.blocks.channel,
  timeZone: PairChangeModal.blocks.timeZone,
  plannedEnd: PairChangeModal.blocks.plannedEnd,
};

const Long = z.string().max(3000).nullable().catch(null);
const WouldMentor = z.enum(['yes', 'maybe', 'no']).nullable().catch(null);

export function parseReflectionForm(view: View, values: unknown): Parsed<{ pairId: string; form: ReflectionForm }> {
  const { blocks: b, actions: a } = PairReflectionModal;
  const pair = requirePairId(view, values, b.learned);
  if (!pair.ok) return pair;
  return {
    ok: true,
    value: {
      pairId: pair.pairId,
      form: {
        learned: Long.parse(readText(values, b.learned, a.learned)),
        nextSteps: Long.parse(readText(values, b.nextSteps, a.nextSteps)),
        longTermGoals: Long.parse(readText(values, b.longTermGoals, a.longTermGoals)),
        stayInTouch: Long.parse(readText(values, b.stayInTouch, a.stayInTouch)),
        wouldMentor: WouldMentor.parse(readOption(values, b.wouldMentor, a.wouldMentor)),
        checkIns: readOptions(values, b.checkIns, a.checkIns).includes(PairReflectionModal.checkInsValue),
      },
    },
  };
}

export function parseCheckInNoteForm(view: View, values: unknown): Parsed<{ pairId: string; note: string }> {
  const pair = requirePairId(view, values, CheckInNoteModal.blocks.note);
  if (!pair.ok) return pair;
  const note = readText(values, CheckInNoteModal.blocks.note, CheckInNoteModal.actions.note);
  if (!note) return { ok: false, errors: { [CheckInNoteModal.blocks.note]: 'Write a few words to send.' } };
  return { ok: true, value: { pairId: pair.pairId, note } };
}
