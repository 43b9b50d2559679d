import type { Tx } from '../../db/types';
import type { NoticeOnPosted, NoticePosted } from '../notices/notice';
import { parseUuid } from '../ids';
import { findPair } from '../pairs/pairs.repository';
import { viewOf } from './goal-access';
import type { GoalView } from './goal-view';
import { saveShareMessage } from './goals.repository';

/** The `onPosted` name of a goal's approval message: the notice dispatcher records where it landed. */
export const GOAL_SHARE_POSTED = 'goal_share_posted';

/** A goal moved on while its approval message was on its way: the message needs to catch up. */
export interface GoalMovedOn {
  teamId: string;
  goal: GoalView;
}

/**
 * Records the approval message's channel and ts on the goal, so Approve can update that same message
 * later. Runs once per posted notice, from the replica that sent it or from any later pass.
 *
 * `args.version` is the goal's version the message shows. A change made before the post was out (a
 * drop, an approval, an edit: the post may have waited for Slack's budget, or for Slack itself) had
 * no message to update yet, so when the goal's version is no longer that one, the goal as it now is
 * comes back for the caller to bring the message up to date. The save waits for any change holding
 * the goal's row: a change either sees this message's location, or is seen here.
 */
export async function recordGoalSharePosted(tx: Tx, args: NoticeOnPosted['args'], posted: NoticePosted): Promise<GoalMovedOn | undefined> {
  const goalId = parseUuid(args.goalId);
  if (!goalId) return undefined;
  const goal = await saveShareMessage(tx, goalId, posted.channelId, posted.ts);
  // No version: a notice written before messages carried one.
  if (!goal || typeof args.version !== 'number' || goal.version === args.version) return undefined;
  const pair = await findPair(tx, goal.team_id, goal.pair_id);
  return pair ? { teamId: goal.team_id, goal: await viewOf(tx, goal, pair) } : undefined;
}
