import { GOAL_SHARE_POSTED, recordGoalSharePosted } from '../../domain/goals/share-posted';
import type { NoticeHooks } from '../../domain/notices/notice';

/**
 * What the dispatcher may record once a notice has been posted (by the name in its `onPosted`),
 * in the transaction that marks it sent. Features add theirs here.
 */
export const NOTICE_HOOKS: NoticeHooks = {
  [GOAL_SHARE_POSTED]: recordGoalSharePosted,
};
