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
