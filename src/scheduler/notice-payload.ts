import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { NoticePayload } from '../domain/notices/notice';

/**
 * The payload of an outbox row of kind 'notice', read back from a JSON column: checked before
 * anything is sent, so a row written by an older or buggy version fails with a clear code instead
 * of posting something half-formed.
 */
const Target = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dm'), userId: z.string().min(1) }),
  z.object({ type: z.literal('channel'), channelId: z.string().min(1) }),
  z.object({ type: z.literal('update'), channelId: z.string().min(1), ts: z.string().min(1) }),
]);

const Payload = z.object({
  topic: z.string(),
  target: Target,
  message: z.object({ text: z.string(), blocks: z.array(z.looseObject({ type: z.string() })) }),
  unfurl: z.boolean().optional(),
  onPosted: z.object({ hook: z.string().min(1), args: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }).optional(),
});

export function parseNoticePayload(payload: unknown): NoticePayload | null {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return null;
  return { ...parsed.data, message: { text: parsed.data.message.text, blocks: parsed.data.message.blocks as unknown as KnownBlock[] } };
}
