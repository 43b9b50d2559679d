import { agendaModal } from '../../blocks/agenda-modal';
import { type AppDeps, requestLog } from '../../context';
import { type ButtonArgs, clickedId, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/**
 * `OpenActions.prepareAgenda` (value = meeting id), from any surface: a reminder, the Home tab, an
 * agenda DM, `/mentorship meeting`. Opens that meeting's agenda, or says why not.
 */
export function agendaOpen(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    try {
      const draft = await deps.services.agendas.draftForMeeting(teamId, clickedId(args) ?? '', body.user.id);
      const viewer = await viewerOf(deps, teamId, body.user.id);
      await client.views.open({ trigger_id: body.trigger_id, view: agendaModal(draft, viewer) });
      requestLog(args.context, deps.logger).info({ meetingId: draft.meeting.id }, 'agenda modal opened');
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
