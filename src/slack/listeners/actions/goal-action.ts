import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../../../errors';
import type { Logger } from '../../../logger';
import { errorMessage } from '../../blocks/help';
import { escapeText } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { type OutgoingMessage, sendDm } from '../../messenger';

export type GoalActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where a button was pressed: a channel or DM message (ephemeral or not), or a view such as Home. */
export interface PressedIn {
  teamId: string;
  userId: string;
  channelId?: string;
  messageTs?: string;
  ephemeral: boolean;
}

export function pressedIn(body: BlockAction): PressedIn {
  const container = body.container as { channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    userId: body.user.id,
    channelId: body.channel?.id ?? container?.channel_id,
    messageTs: container?.message_ts,
    ephemeral: container?.is_ephemeral === true,
  };
}

/**
 * A reply only the presser sees: an ephemeral message where they pressed, or a DM when the button
 * was on a view (the Home tab or a modal), which has no channel to answer in.
 */
export async function tellPrivately(client: WebClient, deps: AppDeps, where: PressedIn, message: OutgoingMessage): Promise<void> {
  if (where.channelId) {
    await client.chat.postEphemeral({ channel: where.channelId, user: where.userId, text: message.text, blocks: message.blocks });
    return;
  }
  await sendDm(client, deps.services.people, where.teamId, where.userId, message);
}

type Run = (args: GoalActionArgs, input: { value: string | undefined; where: PressedIn; log: Logger }) => Promise<void>;

/**
 * Every goal button: ack at once, then the work. A refusal or known problem (DomainError) reaches
 * the presser privately and changes nothing; anything else is logged and they are told to retry.
 */
export function goalAction(deps: AppDeps, name: string, run: Run) {
  return async (args: GoalActionArgs): Promise<void> => {
    await args.ack();
    const log = requestLog(args.context, deps.logger).child({ action: name });
    const where = pressedIn(args.body);
    const action = args.action as { value?: string };
    try {
      await run(args, { value: action.value, where, log });
    } catch (error) {
      if (!isDomainError(error)) log.error({ err: error }, 'goal action failed');
      const text = isDomainError(error) ? escapeText(error.message) : 'Something went wrong on my side. Please try again.';
      await tellPrivately(args.client, deps, where, errorMessage(text)).catch((failure: unknown) => log.warn({ err: failure }, 'could not tell the presser'));
    }
  };
}
