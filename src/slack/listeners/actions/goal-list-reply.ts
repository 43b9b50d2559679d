import type { GoalView, PairGoalsView } from '../../../domain/goals/goal-view';
import type { ActionReply, Press } from '../../adapters/action';
import { goalListMessage } from '../../blocks/goal-list';
import type { AppDeps } from '../../context';

/**
 * After a press on a goal: the person's goal list again, with a line on top saying what happened. It
 * replaces the list the button was pressed in (an ephemeral, answered through its response_url);
 * pressed anywhere else, it comes as a new private message.
 */
export function goalListReply(press: Press, lists: readonly PairGoalsView[], notice: string): ActionReply {
  const message = goalListMessage(lists, notice);
  return press.ephemeral && press.respond ? { kind: 'replace', message } : { kind: 'private', message };
}

export async function freshGoalListReply(deps: AppDeps, press: Press, notice: string): Promise<ActionReply> {
  return goalListReply(press, await deps.services.goals.overviewFor(press.actor), notice);
}

export const goalIn = (lists: readonly PairGoalsView[], goalId: string): GoalView | undefined =>
  lists.flatMap((entry) => entry.active).find((goal) => goal.id === goalId);
