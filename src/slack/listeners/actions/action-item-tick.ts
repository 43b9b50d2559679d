import type { KnownBlock } from '@slack/types';
import { replaceActionItemBlock } from '../../blocks/action-item-blocks';
import { doneMessage } from '../../blocks/help';
import { type AppDeps, requestLog } from '../../context';
import { type ButtonArgs, clickedId, replyPrivately, replyToRefusal, teamOf } from './meeting-replies';

/**
 * `OpenActions.tickActionItem` (value = action item id), from any surface. Only the two people of the
 * pair may tick. When the button was in a message, that message is updated in place (just the item's
 * block changes, whoever built the message); Home tabs are republished.
 */
export function actionItemTick(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    let result;
    try {
      result = await deps.services.meetings.tickActionItem(teamId, clickedId(args) ?? '', body.user.id);
    } catch (error) {
      return replyToRefusal(args, deps, error);
    }
    requestLog(args.context, deps.logger).info({ actionItemId: result.item.id }, 'action item ticked');
    const container = body.container as { type?: string; is_ephemeral?: boolean; channel_id?: string; message_ts?: string };
    if (container.type === 'message' && body.message && container.channel_id && container.message_ts && !container.is_ephemeral) {
      const blocks = replaceActionItemBlock((body.message.blocks ?? []) as KnownBlock[], result.item);
      await client.chat
        .update({ channel: container.channel_id, ts: container.message_ts, text: body.message.text ?? 'Action items', blocks: blocks as KnownBlock[] })
        .catch((error: unknown) => requestLog(args.context, deps.logger).warn({ err: error }, 'action item message refresh failed'));
    } else if (container.type === 'message') {
      // Slack does not hand back an ephemeral message's blocks, so it cannot be redrawn: confirm instead.
      await replyPrivately(args, deps, doneMessage('Marked done.'));
    }
    await deps.home.refresh(teamId, [result.pair.mentor_id, result.pair.mentee_id]);
  };
}
