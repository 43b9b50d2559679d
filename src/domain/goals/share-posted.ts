import type { NoticeHook } from '../notices/notice';
import { parseUuid } from '../ids';
import { saveShareMessage } from './goals.repository';

/** The `onPosted` name of a goal's approval message: the notice dispatcher records where it landed. */
export const GOAL_SHARE_POSTED = 'goal_share_posted';

/**
 * Records the approval message's channel and ts on the goal, so Approve can update that same message
 * later. Runs once per posted notice, from the replica that sent it or from any later pass.
 */
export const recordGoalSharePosted: NoticeHook = async (tx, args, posted) => {
  const goalId = parseUuid(args.goalId);
  if (goalId) await saveShareMessage(tx, goalId, posted.channelId, posted.ts);
};
