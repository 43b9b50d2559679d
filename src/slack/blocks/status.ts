import type { HomeSnapshot } from '../../domain/home/snapshot';
import type { Message } from './help';
import { dashboardBlocks, MESSAGE_MAX_BLOCKS } from './home';

/** `/mentorship status`: the Home dashboard as one ephemeral message, within a message's 50 blocks. */
export function statusMessage(snapshot: HomeSnapshot): Message {
  const blocks = dashboardBlocks(snapshot, MESSAGE_MAX_BLOCKS);
  const text =
    snapshot.pairs.length === 0
      ? "You're not in a mentorship pair yet: /mentorship pair starts one."
      : `Your mentorship at a glance: ${snapshot.pairs.length === 1 ? 'one pair' : `${snapshot.pairs.length} pairs`}.`;
  return { text, blocks };
}
