import { z } from 'zod';
import { Uuid } from '../../domain/ids';
import { COMMENT_MAX, REFLECTION_MAX } from '../../domain/goals/goal-rules';
import type { MessageLocation } from '../../domain/goals/goal-view';
import type { Parsed } from '../adapters/view';
import { GoalChangesModal, GoalReflectionModal } from '../ids';
import { decodeMetadata } from './metadata';
import { ConversationId } from './origin';
import { type BlockErrors, readText } from './view-state';

/**
 * Button values and private_metadata of the goal feature. They come back from the client, so each
 * is parsed here; what they name is still only a claim that the services check.
 */
const SlackTs = z.string().regex(/^\d+\.\d+$/);
const Location = z.object({ channelId: ConversationId, ts: SlackTs });

/** `<goal id>:<version>` on the Approve and Request changes buttons. */
export function parseReviewValue(value: unknown): { goalId: string; version: number } | null {
  if (typeof value !== 'string') return null;
  const [goalId, version, ...rest] = value.split(':');
  const parsed = z.object({ goalId: Uuid, version: z.coerce.number().int().min(1) }).safeParse({ goalId, version });
  return parsed.success && rest.length === 0 ? parsed.data : null;
}

/** `channelId` in each is where the modal was opened from: the goal list comes back there. */
export const GoalModalMetadata = z.object({ pairId: Uuid, goalId: Uuid.optional(), channelId: ConversationId.optional() });
export const ProgressMetadata = z.object({ goalId: Uuid, shown: z.array(Uuid).max(50), channelId: ConversationId.optional() });
const ChangesMetadata = z.object({ goalId: Uuid, version: z.number().int().min(1), channelId: ConversationId, ts: SlackTs });
const ReflectionMetadata = z.object({ goalId: Uuid, prompt: Location.optional() });

export const outOfDate = (block: string, what: string): Parsed<never> => ({ ok: false, errors: { [block]: `This form is out of date. ${what}` } });

export function parseComment(values: unknown): { ok: true; comment: string } | { ok: false; errors: BlockErrors } {
  const { blocks: b, actions: a } = GoalChangesModal;
  const parsed = z
    .string({ error: 'Say what should change, so your mentee knows what to do.' })
    .max(COMMENT_MAX, `Keep it under ${COMMENT_MAX} characters.`)
    .safeParse(readText(values, b.comment, a.comment) ?? undefined);
  return parsed.success ? { ok: true, comment: parsed.data } : { ok: false, errors: { [b.comment]: parsed.error.issues[0]?.message ?? 'Check this field.' } };
}

export function parseReflection(values: unknown): { ok: true; reflection: string } | { ok: false; errors: BlockErrors } {
  const { blocks: b, actions: a } = GoalReflectionModal;
  const parsed = z
    .string({ error: 'Write one line, or press Later to come back to it.' })
    .max(REFLECTION_MAX, `One line: ${REFLECTION_MAX} characters at most.`)
    .refine((text) => !/[\r\n]/.test(text), 'One line, please.')
    .safeParse(readText(values, b.reflection, a.reflection) ?? undefined);
  return parsed.success
    ? { ok: true, reflection: parsed.data }
    : { ok: false, errors: { [b.reflection]: parsed.error.issues[0]?.message ?? 'Check this field.' } };
}

/** The mentor's comment on a goal, with the version and the message it was written against. */
export function readChangesForm(
  metadata: string | undefined,
  values: unknown,
): Parsed<{ goalId: string; version: number; pressed: MessageLocation; comment: string }> {
  const form = parseComment(values);
  if (!form.ok) return form;
  const meta = decodeMetadata(ChangesMetadata, metadata);
  if (!meta) return outOfDate(GoalChangesModal.blocks.comment, 'Copy your comment, close it and press Request changes again.');
  return { ok: true, value: { goalId: meta.goalId, version: meta.version, pressed: { channelId: meta.channelId, ts: meta.ts }, comment: form.comment } };
}

/** One line, by the mentee; `prompt` is the DM whose button opened the modal. */
export function readReflectionForm(
  metadata: string | undefined,
  values: unknown,
): Parsed<{ goalId: string; reflection: string; prompt: MessageLocation | null }> {
  const form = parseReflection(values);
  if (!form.ok) return form;
  const meta = decodeMetadata(ReflectionMetadata, metadata);
  if (!meta) return outOfDate(GoalReflectionModal.blocks.reflection, 'Close it and press the button again.');
  return { ok: true, value: { goalId: meta.goalId, reflection: form.reflection, prompt: meta.prompt ?? null } };
}
