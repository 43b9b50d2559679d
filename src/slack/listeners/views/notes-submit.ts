import { onSubmit } from '../../adapters/view';
import { notesSavedView } from '../../blocks/meeting-modals';
import { NotesModal } from '../../ids';
import { readMeetingForm } from '../../inputs/meeting-forms';
import { NOTES_FIELD_BLOCKS, parseNotesForm } from '../../inputs/notes-form';

/** Records the notes and marks the meeting held; both people get the same summary by DM through the outbox. */
export const notesSubmit = onSubmit({
  name: 'notes_submit',
  field: NotesModal.blocks.takeaways,
  fields: NOTES_FIELD_BLOCKS,
  parse: ({ view, values }) => readMeetingForm(view, (meetingId) => parseNotesForm(values, meetingId)),
  run: ({ meetingId, form }, { actor }, deps) => deps.services.notes.record(actor, meetingId, form),
  ack: () => ({ response_action: 'update', view: notesSavedView() }),
});
