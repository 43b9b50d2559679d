import type { KnownBlock } from '@slack/types';
import type { Digest, PairList } from '../../domain/program/digest';
import { ProgramActions } from '../ids';
import { encodeOverviewState, type OverviewState } from '../inputs/program-form';
import type { Message } from './help';
import { habitText } from './program-habits';
import { mention, mrkdwn, plain } from './text';

/**
 * The coordinator's weekly digest DM (issue 16, point 5): new, stalled and ended pairs by their two
 * people, and the habits' trend, each with a button to the overview filtered to match. Ids and counts
 * only, never a text a pair wrote.
 */
export function digestMessage(digest: Digest, zone: string): Message {
  const text = `Your mentorship program this week: ${digest.newPairs.total} new, ${digest.stalled.total} stalled, ${digest.ended.total} ended.`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Your program this week', 150) },
    listBlock(`*New pairs* (last 7 days): ${digest.newPairs.total}`, digest.newPairs, { status: null, health: null, page: 0 }, 'See the newest'),
    listBlock(
      `*Stalled pairs* (no meeting held in 21 days): ${digest.stalled.total}`,
      digest.stalled,
      { status: null, health: 'stalled', page: 0 },
      'See stalled',
    ),
    listBlock(`*Ended pairs* (last 7 days): ${digest.ended.total}`, digest.ended, { status: 'ended', health: null, page: 0 }, 'See ended'),
    {
      type: 'section',
      text: mrkdwn(habitText(digest.habits)),
      accessory: button('Open the overview', { status: 'active', health: null, page: 0 }),
    },
    {
      type: 'context',
      elements: [mrkdwn(`Sent Mondays at 09:00 (${zone}) to the program's coordinators. Names, dates and counts only, never what a pair wrote.`)],
    },
  ];
  return { text, blocks };
}

function listBlock(head: string, list: PairList, state: OverviewState, label: string): KnownBlock {
  const more = list.total - list.pairs.length;
  const names = list.pairs.map((pair) => `${mention(pair.mentorId)} mentors ${mention(pair.menteeId)}`);
  const body = list.total === 0 ? 'none' : `${names.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`;
  return { type: 'section', text: mrkdwn(`${head}\n${body}`), accessory: button(label, state) };
}

const button = (label: string, state: OverviewState) => ({
  type: 'button' as const,
  action_id: ProgramActions.digestOpen,
  text: plain(label, 75),
  value: encodeOverviewState(state),
});
