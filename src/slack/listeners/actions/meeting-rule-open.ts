import { localDateIn } from '../../../domain/time/zoned';
import { ruleModal } from '../../blocks/meeting-modals';
import type { AppDeps } from '../../context';
import { type ButtonArgs, clickedId, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/** "Change rhythm" (value = pair id): cadence, time, length and start date, pre-filled with the current rule. */
export function meetingRuleOpen(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    try {
      const { pair, next } = await deps.services.meetings.pairContext(teamId, clickedId(args) ?? '', body.user.id);
      const viewer = await viewerOf(deps, teamId, body.user.id);
      const today = localDateIn(deps.clock(), pair.time_zone);
      await client.views.open({ trigger_id: body.trigger_id, view: ruleModal(pair, next, viewer, today) });
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
