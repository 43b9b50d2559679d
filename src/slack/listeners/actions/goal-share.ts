import { NOT_YOUR_GOAL } from '../../../domain/goals/goal-access';
import { sameMessage } from '../../../domain/goals/goal-view';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { sharedNotice } from '../../blocks/goal-messages';
import { goalIn, goalListReply } from './goal-list-reply';

/**
 * Share for approval (value = goal id): the goal goes to the mentor, and its message to the pair's
 * goals channel through the outbox. The press is acked already, so the post is tried before the
 * list comes back: the list can then say whether the mentor can see it, and how to fix it if the
 * bot is not in that channel.
 */
export const goalShare = onAction({
  name: 'goal_share',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_YOUR_GOAL,
  run: (goalId, { actor }, deps) => deps.services.goals.share(actor, goalId),
  reply: async (shared, press, deps) => {
    await deps.effects.flush({ ...shared.effects, homeUsers: [] }, { waitForNotices: true });
    const lists = await deps.services.goals.overviewFor(press.actor);
    const location = goalIn(lists, shared.goal.id)?.shareLocation ?? null;
    return goalListReply(press, lists, sharedNotice(shared.goal, location !== null && !sameMessage(location, shared.previous)));
  },
});
