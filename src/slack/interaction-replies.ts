import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../errors';
import type { Logger } from '../logger';
import type { Message } from './blocks/help';
import { errorMessage } from './blocks/help';
import { type AppDeps, requestLog } from './context';
import { PairPicker } from './ids';
import { sendDm, slackErrorCode } from './messenger';

/**
 * Private replies to a person, wherever they acted (the brief's "ephemeral reply" on every surface).
 * A press in a message carries a response_url (see replyToPress). A modal submission and a press on
 * the Home tab carry none: the reply is an ephemeral message in the conversation the person came from
 * when we know it and the bot may post there, else in their DM with the bot.
 */
export async function tellPrivately(
  client: WebClient,
  deps: AppDeps,
  to: { teamId: string; userId: string; channelId?: string; log?: Logger },
  message: Message,
): Promise<void> {
  const log = to.log ?? deps.logger;
  if (to.channelId) {
    try {
      await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      // not_in_channel / channel_not_found: a channel the bot is not in, or someone else's DM.
      log.info({ code: slackErrorCode(error) }, 'ephemeral reply fell back to the bot DM');
    }
  }
  try {
    let channel = await deps.services.people.dmChannel(to.teamId, to.userId);
    if (!channel) {
      channel = (await client.conversations.open({ users: to.userId })).channel?.id ?? null;
      if (channel) await deps.services.people.rememberDmChannel(to.teamId, to.userId, channel);
    }
    if (channel) await client.chat.postEphemeral({ channel, user: to.userId, text: message.text, blocks: message.blocks });
  } catch (error) {
    log.warn({ code: slackErrorCode(error) }, 'private reply failed');
  }
}

/** A DM that must not undo what was saved: true when delivered, false (logged) when Slack refused it. */
export async function tryDm(client: WebClient, deps: AppDeps, to: { teamId: string; userId: string }, message: Message, log: Logger): Promise<boolean> {
  try {
    await sendDm(client, deps.services.people, to.teamId, to.userId, message);
    return true;
  } catch (error) {
    log.warn({ code: slackErrorCode(error), recipient: to.userId }, 'DM failed');
    return false;
  }
}

/**
 * Replaces the message whose button opened a finished modal (its button would only lead to "already
 * done" now). The claim comes back through private_metadata, so it is honoured only for the person's
 * own DM with the bot: a forged one could otherwise have the bot rewrite its posts in a shared channel.
 * Best effort: the message may be gone or too old to edit, and that changes nothing saved.
 */
export async function updateSource(
  client: WebClient,
  deps: AppDeps,
  owner: { teamId: string; userId: string; log: Logger },
  source: { channelId: string; messageTs: string } | null,
  message: Message,
): Promise<void> {
  if (!source) return;
  if (source.channelId !== (await deps.services.people.dmChannel(owner.teamId, owner.userId))) return;
  await client.chat
    .update({ channel: source.channelId, ts: source.messageTs, text: message.text, blocks: message.blocks })
    .catch((error: unknown) => owner.log.info({ code: slackErrorCode(error) }, 'source message not updated'));
}

export interface Press {
  respond?: RespondFn;
  client: WebClient;
  teamId: string;
  userId: string;
  channelId?: string;
  log: Logger;
}

/** A private answer to a button press, on whichever surface it came from. */
export async function replyToPress(press: Press, deps: AppDeps, message: Message): Promise<void> {
  if (press.respond) {
    try {
      await press.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      press.log.info({ err: error }, 'respond() failed; replying by ephemeral message');
    }
  }
  await tellPrivately(press.client, deps, press, message);
}

/** A refusal or known failure as a private message; anything unexpected is logged as a bug. */
export function failureMessage(error: unknown, log: Logger): Message {
  if (isDomainError(error)) return errorMessage(error.message);
  log.error({ err: error }, 'interaction failed');
  return errorMessage('Something went wrong on my side; nothing was saved. Please try again.');
}

/**
 * A view submission the service refused (a pair the person is not in, a request already answered) or
 * that failed: the message goes under `blockId` and the modal stays open with everything typed.
 */
export function submissionRefusal(error: unknown, blockId: string, log: Logger): { response_action: 'errors'; errors: Record<string, string> } {
  if (!isDomainError(error)) log.error({ err: error }, 'view submission failed');
  const message = isDomainError(error) ? error.message : 'Something went wrong on my side; nothing was saved. Please submit again.';
  return { response_action: 'errors', errors: { [blockId]: message } };
}

/** Where a problem with the pair goes: under the pair picker when the modal has one, else under `fallback`. */
export function pairFieldBlock(view: { blocks: readonly { block_id?: string }[] }, fallback: string): string {
  return view.blocks.some((block) => block.block_id === PairPicker.blockId) ? PairPicker.blockId : fallback;
}

/** The conversation a button was pressed in, when it was pressed in a message. */
export function pressChannel(body: { channel?: { id?: string }; container?: { channel_id?: string } }): string | undefined {
  return body.channel?.id ?? body.container?.channel_id ?? undefined;
}

export interface ButtonPress extends Press {
  /** The pressed button's value: untrusted, parse it before use. */
  value: string | undefined;
  triggerId: string;
  /** The (non-ephemeral) message the button sat in, so it can be updated once the action is done. */
  messageTs?: string;
}

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * A button that works from any surface (a DM, an ephemeral reply, a channel post, the Home tab): acks
 * at once, then runs `handle`; a refusal or failure reaches the presser privately and changes nothing.
 */
export function buttonHandler(deps: AppDeps, handle: (press: ButtonPress) => Promise<void>) {
  return async ({ ack, body, action, client, respond, context }: ActionArgs): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    const press: ButtonPress = {
      respond,
      client,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      channelId: pressChannel(body),
      log,
      value: 'value' in action && typeof action.value === 'string' ? action.value : undefined,
      triggerId: body.trigger_id,
      messageTs: body.container?.type === 'message' && !body.container.is_ephemeral ? String(body.container.message_ts) : undefined,
    };
    try {
      await handle(press);
    } catch (error) {
      await replyToPress(press, deps, failureMessage(error, log));
    }
  };
}
