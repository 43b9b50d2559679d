import { agendaModal } from '../../blocks/agenda-modal';
import { meetingModalAction } from './meeting-button';

/**
 * `OpenActions.prepareAgenda` (value = meeting id), from any surface: a reminder, the Home tab, an
 * agenda DM, `/mentorship meeting`. Opens that meeting's agenda, or says why not.
 */
export const agendaOpen = meetingModalAction('agenda_open', async (meetingId, { actor }, deps) =>
  agendaModal(await deps.services.agendas.draftForMeeting(actor, meetingId)),
);
