import type { Executor } from '../../db/types';
import type { Actor } from '../actor';
import { findPerson } from '../people/people.repository';

/** A message the bot posted, by where it is (what a chat.update needs). */
export interface MessageRef {
  channelId: string;
  ts: string;
}

/**
 * The message whose button opened a modal, as the modal's private_metadata claims it. Honoured only
 * when it is in the actor's own DM with the bot: chat.update edits any message the bot ever posted,
 * so a forged claim could otherwise have the bot rewrite its posts in a shared channel.
 */
export async function ownDmMessage(db: Executor, actor: Actor, claim: MessageRef | null): Promise<MessageRef | null> {
  if (!claim) return null;
  const me = await findPerson(db, actor.teamId, actor.userId);
  return me?.dm_channel_id === claim.channelId ? claim : null;
}
