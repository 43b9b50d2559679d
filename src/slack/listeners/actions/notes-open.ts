import { notesModal } from '../../blocks/notes-modal';
import { meetingModalAction } from './meeting-button';

/** `OpenActions.recordNotes` (value = meeting id), from any surface: opens that meeting's notes, or says why not. */
export const notesOpen = meetingModalAction('notes_open', async (meetingId, { actor }, deps) =>
  notesModal(await deps.services.notes.draftForMeeting(actor, meetingId)),
);
