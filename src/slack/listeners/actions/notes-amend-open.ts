import { notesModal } from '../../blocks/notes-modal';
import { meetingModalAction } from './meeting-button';

/** `OpenActions.amendNotes` (value = meeting id), on a notes summary: the notes modal filled with what was saved. */
export const notesAmendOpen = meetingModalAction('notes_amend_open', async (meetingId, { actor }, deps) =>
  notesModal(await deps.services.notes.draftForAmend(actor, meetingId)),
);
