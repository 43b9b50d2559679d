import type { KnownBlock } from '@slack/types';
import type { HomeSnapshot } from '../../domain/home/snapshot';
import { COMMAND, HomeActions } from '../ids';
import type { Message } from './help';
import { actionsBlock, commonButtons } from './home-buttons';
import { escapeText, mrkdwn, plain } from './text';

/** A DM answer is a short message: a few pairs at most, each with one row of buttons. */
const MAX_PAIRS = 5;

/**
 * The answer to a message typed in the bot's DM. The bot does not read free text; it points to the
 * buttons that do the common things for each pair (the same as the Home tab's) and to the command.
 */
export function directMessageReply(snapshot: HomeSnapshot): Message {
  const pairs = snapshot.pairs.filter((pair) => pair.pair.status !== 'ended');
  if (pairs.length === 0) {
    const text = `Hi! You're not in a mentorship pair yet. Start one with the button below, or type \`${COMMAND} pair\`. \`${COMMAND} help\` lists everything.`;
    const blocks: KnownBlock[] = [
      { type: 'section', text: mrkdwn(`:wave: ${text}`) },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: HomeActions.startPair, text: plain('Start a mentorship pair', 75), style: 'primary', value: 'start' }],
      },
    ];
    return { text, blocks };
  }
  const text = `Hi! I don't read messages typed here, but these buttons do the common things. Type \`${COMMAND} help\` for everything else.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`:wave: ${text}`) }];
  for (const pair of pairs.slice(0, MAX_PAIRS)) {
    const other = escapeText(snapshot.names[pair.otherId] ?? 'your pair');
    const role = pair.role === 'mentor' ? 'mentee' : 'mentor';
    blocks.push({ type: 'context', elements: [mrkdwn(`With your ${role} *${other}*`)] }, actionsBlock(commonButtons(pair, snapshot.names[pair.otherId])));
  }
  if (pairs.length > MAX_PAIRS) blocks.push({ type: 'context', elements: [mrkdwn(`The others are on your *Home* tab.`)] });
  return { text, blocks };
}
