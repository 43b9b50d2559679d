import { z } from 'zod';
import { decodeMetadata } from './metadata';

/** A conversation id as Slack sends it: channel, private channel or DM. */
export const ConversationId = z.string().regex(/^[CDG][A-Z0-9]{1,20}$/);

const Origin = z.object({ channelId: ConversationId }).loose();

/**
 * Where a modal was opened from (the command's or the button's conversation), kept in its metadata
 * so the confirmation can be shown there. Untrusted like all metadata: it only picks where a
 * private reply to the submitter goes, never what anyone may see.
 */
export function originChannel(privateMetadata: string | undefined): string | undefined {
  return decodeMetadata(Origin, privateMetadata)?.channelId;
}

/** Where a modal was opened from: the conversation, and the message when it was one that can be edited. */
export interface ModalSource {
  channelId?: string;
  messageTs?: string;
}

export function sourceMetadata(source: ModalSource): Record<string, string> {
  return {
    ...(source.channelId ? { channelId: source.channelId } : {}),
    ...(source.channelId && source.messageTs ? { messageTs: source.messageTs } : {}),
  };
}

const SourceMessage = z.object({ channelId: ConversationId, messageTs: z.string().regex(/^\d{1,12}\.\d{1,8}$/) }).loose();

/**
 * The message whose button opened the modal, to take the button away once the action is done. Only
 * ever passed to chat.update, which can edit nothing but the bot's own messages.
 */
export function sourceMessageOf(privateMetadata: string | undefined): { channelId: string; messageTs: string } | null {
  return decodeMetadata(SourceMessage, privateMetadata);
}

/** Button values naming a row (a request, a resource, an entry). Anything else is refused before any SQL. */
export const RowId = z.uuid();

/** `value` of the cross-feature open buttons: a pair id, or '' where "no pair" is allowed. */
export function parsePairValue(value: unknown, allowEmpty: boolean): { ok: true; pairId: string | null } | { ok: false } {
  if (allowEmpty && (value === '' || value === undefined)) return { ok: true, pairId: null };
  const parsed = RowId.safeParse(value);
  return parsed.success ? { ok: true, pairId: parsed.data } : { ok: false };
}

export function parseRowId(value: unknown): string | null {
  const parsed = RowId.safeParse(value);
  return parsed.success ? parsed.data : null;
}
