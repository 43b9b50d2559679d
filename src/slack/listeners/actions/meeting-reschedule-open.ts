import { rescheduleModal } from '../../blocks/meeting-modals';
import type { AppDeps } from '../../context';
import { type ButtonArgs, clickedId, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/** "Reschedule" (value = meeting id): date and time pickers for that meeting. */
export function meetingRescheduleOpen(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    try {
      const { meeting, pair } = await deps.services.meetings.changeable(teamId, clickedId(args) ?? '', body.user.id);
      const viewer = await viewerOf(deps, teamId, body.user.id);
      await client.views.open({ trigger_id: body.trigger_id, view: rescheduleModal(meeting, pair, viewer) });
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
