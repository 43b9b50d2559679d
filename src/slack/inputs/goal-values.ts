import { z } from 'zod';
import { COMMENT_MAX, REFLECTION_MAX } from '../../domain/goals/goal-rules';
import { GoalChangesModal, GoalReflectionModal } from '../ids';
import { type BlockErrors, readText } from './view-state';

/**
 * Button values and private_metadata of the goal feature. They come back from the client, so each
 * is parsed here; what they name is still only a claim that the services check.
 */
const Uuid = z.uuid();
const SlackTs = z.string().regex(/^\d+\.\d+$/);
const ChannelId = z.string().regex(/^[CGD][A-Z0-9]+$/);

export const parseId = (value: unknown): string | null => {
  const parsed = Uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** `<goal id>:<version>` on the Approve and Request changes buttons. */
export function parseReviewValue(value: unknown): { goalId: string; version: number } | null {
  if (typeof value !== 'string') return null;
  const [goalId, version, ...rest] = value.split(':');
  const parsed = z.object({ goalId: Uuid, version: z.coerce.number().int().min(1) }).safeParse({ goalId, version });
  return parsed.success && rest.length === 0 ? parsed.data : null;
}

export const GoalModalMetadata = z.object({ pairId: Uuid, goalId: Uuid.optional(), origin: ChannelId.optional() });
export const ProgressMetadata = z.object({ goalId: Uuid, shown: z.array(Uuid).max(50), origin: ChannelId.optional() });
export const ChangesMetadata = z.object({ goalId: Uuid, version: z.number().int().min(1), channelId: ChannelId, ts: SlackTs });
export const ReflectionMetadata = z.object({ goalId: Uuid, prompt: z.object({ channelId: ChannelId, ts: SlackTs }).optional() });
export const SwotMetadata = z.object({ pairId: Uuid });

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
