import { notesModal } from '../../blocks/notes-modal';
import { type AppDeps, requestLog } from '../../context';
import { type ButtonArgs, clickedId, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/** `OpenActions.recordNotes` (value = meeting id), from any surface: opens that meeting's notes, or says why not. */
export function notesOpen(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    try {
      const draft = await deps.services.notes.draftForMeeting(teamId, clickedId(args) ?? '', body.user.id);
      const viewer = await viewerOf(deps, teamId, body.user.id);
      await client.views.open({ trigger_id: body.trigger_id, view: notesModal(draft, viewer) });
      requestLog(args.context, deps.logger).info({ meetingId: draft.meeting.id }, 'notes modal opened');
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
