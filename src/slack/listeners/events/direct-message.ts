import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { actorOf } from '../../actor';
import { directMessageReply } from '../../blocks/dm-reply';
import type { AppDeps } from '../../context';
import { replyPrivately } from '../../replies';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** The fields of a `message` event this listener reads; other message shapes lack some of them. */
interface TypedMessage {
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  channel: string;
}

/**
 * Someone typed a plain message in their DM with the bot (the Messages tab). The bot parses no free
 * text: it answers privately, at once, with the buttons for the common actions. Edits, deletions,
 * joins (any subtype), other bots' messages and messages in other conversations get nothing; a retry
 * of the same event_id is dropped by the dedupe middleware, so one message gets one answer.
 */
export function directMessage(deps: AppDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    const message = event as TypedMessage;
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined || !message.user) return;
    const actor = actorOf(context);
    try {
      const snapshot = await deps.services.home.snapshot(actor.teamId, actor.userId);
      await replyPrivately(
        client,
        deps.services.people,
        { teamId: actor.teamId, userId: actor.userId, channelId: message.channel },
        directMessageReply(snapshot),
        actor.log,
      );
      actor.log.info({ pairs: snapshot.pairs.length }, 'direct message answered');
    } catch (error) {
      actor.log.warn({ err: error }, 'direct message not answered');
    }
  };
}
