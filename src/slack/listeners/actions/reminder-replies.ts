import type { BlockAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../../../errors';
import type { Logger } from '../../../logger';
import { errorMessage } from '../../blocks/help';
import { answeredBlocks } from '../../blocks/reminder-settings';

/** Replaces a reminder's buttons by what the person chose, so it cannot be answered twice. */
export async function markAnswered(client: WebClient, body: BlockAction, note: string, log: Logger): Promise<void> {
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  const blocks = body.message?.blocks as KnownBlock[] | undefined;
  if (!channel || !ts || !blocks) return;
  await client.chat
    .update({ channel, ts, text: body.message?.text ?? note, blocks: answeredBlocks(blocks, note) })
    .catch((error: unknown) => log.warn({ err: error }, 'reminder message update failed'));
}

/**
 * A refused or failed click: an ephemeral reply to the person only, and nothing changed. Through the
 * click's response_url when it has one (it reaches the clicker wherever the button was); a click on
 * the Home tab has none, so the reply goes to the person's DM with the bot.
 */
export async function replyRefusal(client: WebClient, body: BlockAction, respond: RespondFn, error: unknown, log: Logger): Promise<void> {
  if (!isDomainError(error)) log.error({ err: error }, 'reminder action failed');
  const text = isDomainError(error) ? error.message : 'Something went wrong on my side; nothing was changed. Please try again.';
  const reply = body.response_url
    ? respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage(text) })
    : client.chat.postEphemeral({ channel: body.user.id, user: body.user.id, ...errorMessage(text) });
  await Promise.resolve(reply).catch((failure: unknown) => log.warn({ err: failure }, 'reminder refusal reply failed'));
}
