import { onSubmit } from '../../adapters/view';
import { notesAmendedView } from '../../blocks/meeting-modals';
import { NotesModal } from '../../ids';
import { readMeetingForm } from '../../inputs/meeting-forms';
import { NOTES_FIELD_BLOCKS, parseNotesForm } from '../../inputs/notes-form';

/** Amends recorded notes; both people get the amended summary by DM through the outbox. */
export const notesAmendSubmit = onSubmit({
  name: 'notes_amend_submit',
  field: NotesModal.blocks.takeaways,
  fields: NOTES_FIELD_BLOCKS,
  parse: ({ view, values }) => readMeetingForm(view, (meetingId) => parseNotesForm(values, meetingId)),
  run: ({ meetingId, form }, { actor }, deps) => deps.services.notes.amend(actor, meetingId, form),
  ack: () => ({ response_action: 'update', view: notesAmendedView() }),
});
