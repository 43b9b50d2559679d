import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { PeopleService } from '../domain/people/people.service';
import type { Logger } from '../logger';
import type { Message } from './blocks/help';
import { slackErrorCode } from './slack-failure';
import { asJson } from './web-api-json';

/** Where a person acted, as far as a private answer to them needs to know. */
export interface ReplySurface {
  teamId: string;
  userId: string;
  /** The conversation they acted in, when there is one. */
  channelId?: string;
  /** The request's response_url (a command, a press in a message): it reaches them wherever they are. */
  respond?: RespondFn;
}

/**
 * The one private answer to a person, on any surface: through the response_url when the request
 * carried one; else an ephemeral message in the conversation they acted in; else (the Home tab, a
 * modal, a conversation the bot may not post in) an ephemeral message in their DM with the bot.
 * Never throws: the answer is a courtesy, and what the person did is already saved or refused.
 */
export async function replyPrivately(client: WebClient, people: PeopleService, to: ReplySurface, message: Message, log: Logger): Promise<void> {
  if (to.respond) {
    try {
      await to.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      log.info({ err: error }, 'response_url refused the reply; replying by ephemeral message');
    }
  }
  if (to.channelId) {
    try {
      await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text: message.text, blocks: asJson(message.blocks) });
      return;
    } catch (error) {
      // not_in_channel / channel_not_found: a channel the bot is not in, or someone else's DM.
      log.info({ code: slackErrorCode(error) }, 'ephemeral reply fell back to the bot DM');
    }
  }
  try {
    const channel = await dmChannelOf(client, people, to.teamId, to.userId);
    await client.chat.postEphemeral({ channel, user: to.userId, text: message.text, blocks: asJson(message.blocks) });
  } catch (error) {
    log.warn({ code: slackErrorCode(error) }, 'private reply failed');
  }
}

/**
 * Replaces the message a button was pressed in (its buttons would only lead to "already done" now):
 * through the response_url when there is one, else with chat.update, which edits only the bot's own
 * messages. Never throws.
 */
export async function replaceMessage(
  client: WebClient,
  where: { respond?: RespondFn; channelId?: string; messageTs?: string },
  message: Message,
  log: Logger,
): Promise<void> {
  try {
    if (where.respond) await where.respond({ replace_original: true, text: message.text, blocks: message.blocks });
    else if (where.channelId && where.messageTs)
      await client.chat.update({ channel: where.channelId, ts: where.messageTs, text: message.text, blocks: asJson(message.blocks) });
  } catch (error) {
    log.info({ code: slackErrorCode(error) }, 'pressed message not replaced');
  }
}

/** The person's DM with the bot, opened once and remembered. */
export async function dmChannelOf(client: WebClient, people: PeopleService, teamId: string, userId: string): Promise<string> {
  const stored = await people.dmChannel(teamId, userId);
  if (stored) return stored;
  const opened = (await client.conversations.open({ users: userId })).channel?.id;
  if (!opened) throw new Error('conversations.open returned no channel');
  await people.rememberDmChannel(teamId, userId, opened);
  return opened;
}
