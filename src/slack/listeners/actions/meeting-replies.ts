import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../logger';
import { isDomainError } from '../../../errors';
import { errorMessage, type Message } from '../../blocks/help';
import type { AppDeps } from '../../context';
import { sendDm, slackErrorCode } from '../../messenger';
import { idValue } from '../../inputs/meeting-forms';

/** Helpers shared by the meeting, agenda, notes and action-item listeners. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export interface Viewer {
  userId: string;
  timeZone: string;
}

/** The person acting, with the zone every time shown to them is written in. */
export async function viewerOf(deps: AppDeps, teamId: string, userId: string): Promise<Viewer> {
  return { userId, timeZone: (await deps.services.people.find(teamId, userId))?.time_zone ?? 'UTC' };
}

export const teamOf = (body: { team?: { id?: string } | null; user: { team_id?: string } }): string => body.team?.id ?? body.user.team_id ?? '';

/** The id a clicked button carries (null when it is not a well-formed id). */
export const clickedId = (args: ButtonArgs): string | null => idValue('value' in args.action ? args.action.value : undefined);

/**
 * An answer only the clicker sees: through the response_url when the click came from a message, else
 * (Home tab, modal) as an ephemeral message in their DM with the bot.
 */
export async function replyPrivately(args: ButtonArgs, deps: AppDeps, message: Message): Promise<void> {
  const { body } = args;
  if (body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    return;
  }
  const channel = body.channel?.id ?? (await deps.services.people.dmChannel(teamOf(body), body.user.id)) ?? body.user.id;
  await args.client.chat.postEphemeral({ channel, user: body.user.id, text: message.text, blocks: message.blocks });
}

/** A known refusal (not in the pair, meeting over…) becomes a private reply and nothing changes; anything else is a bug. */
export async function replyToRefusal(args: ButtonArgs, deps: AppDeps, error: unknown): Promise<void> {
  if (!isDomainError(error)) throw error;
  await replyPrivately(args, deps, errorMessage(error.message));
}

/** DMs after a change has been saved: a failure is logged and never undoes the change. */
export async function dmAll(client: WebClient, deps: AppDeps, teamId: string, messages: ReadonlyArray<{ userId: string; message: Message }>, log: Logger): Promise<void> {
  for (const { userId, message } of messages) {
    await sendDm(client, deps.services.people, teamId, userId, message).catch((error: unknown) =>
      log.warn({ err: error, userId, code: slackErrorCode(error) }, 'meeting DM failed'),
    );
  }
}
