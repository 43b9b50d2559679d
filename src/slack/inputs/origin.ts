import { z } from 'zod';
import type { MessageRef } from '../../domain/notices/source';
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
 * The message whose button opened the modal, to take the button away once the action is done: a
 * claim, which the service honours only for the person's own DM with the bot.
 */
export function sourceMessageOf(privateMetadata: string | undefined): MessageRef | null {
  const source = decodeMetadata(SourceMessage, privateMetadata);
  return source && { channelId: source.channelId, ts: source.messageTs };
}

/**
 * Where a press happened, for the modal it opens to come back to: the conversation, and the message
 * unless it was ephemeral (an ephemeral message cannot be edited afterwards).
 */
export const modalSource = (press: { actor: { channelId?: string }; messageTs?: string; ephemeral: boolean }): ModalSource => ({
  channelId: press.actor.channelId,
  messageTs: press.ephemeral ? undefined : press.messageTs,
});
