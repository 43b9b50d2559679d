import { GOAL_SHARE_POSTED, recordGoalSharePosted } from '../../domain/goals/share-posted';
import type { NoticeHook, NoticeHooks } from '../../domain/notices/notice';
import { insertNotices } from '../../domain/notices/notices.repository';
import { approvalUpdate } from './goals';
import { toNotice } from './recorder';

/**
 * Once a goal's approval message is out: where it landed is recorded, and if the goal changed while
 * the post was on its way (a drop, an approval), the message is updated to match, as the follow-up
 * the sender sends straight after it.
 */
const goalSharePosted: NoticeHook = async (tx, args, posted) => {
  const movedOn = await recordGoalSharePosted(tx, args, posted);
  if (!movedOn) return;
  const notices = approvalUpdate(movedOn.goal).map((planned) => toNotice(movedOn.teamId, movedOn.goal.pairId, posted.followUpKey, planned, posted.at));
  await insertNotices(tx, notices, posted.at);
};

/**
 * What the dispatcher may record once a notice has been posted (by the name in its `onPosted`),
 * in the transaction that marks it sent. Features add theirs here.
 */
export const NOTICE_HOOKS: NoticeHooks = {
  [GOAL_SHARE_POSTED]: goalSharePosted,
};
