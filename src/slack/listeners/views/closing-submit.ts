import { onSubmit } from '../../adapters/view';
import { doneMessage } from '../../blocks/help';
import { CheckInNoteModal, PairReflectionModal } from '../../ids';
import { parseCheckInNoteForm, parseReflectionForm } from '../../inputs/pair-life-forms';
import { mention } from '../../blocks/text';

/** After the end: the closing reflection (private) and a stay-in-touch note (to the other person, through the outbox). */
export const pairReflectionSubmit = onSubmit({
  name: 'pair_reflection_submit',
  field: PairReflectionModal.blocks.learned,
  fields: { learned: PairReflectionModal.blocks.learned },
  parse: ({ view, values }) => parseReflectionForm(view, values),
  run: ({ pairId, form }, { actor }, deps) => deps.services.closing.saveReflection(actor, pairId, form),
  confirm: ({ checkIns }) =>
    doneMessage(`Your reflection is saved, private to you.${checkIns ? " I'll check in 1, 3 and 6 months after the end." : ' No check-ins will come.'}`),
});

export const checkInNoteSubmit = onSubmit({
  name: 'check_in_note_submit',
  field: CheckInNoteModal.blocks.note,
  fields: { note: CheckInNoteModal.blocks.note },
  parse: ({ view, values }) => parseCheckInNoteForm(view, values),
  run: ({ pairId, note }, { actor }, deps) => deps.services.closing.sendNote(actor, pairId, note),
  confirm: ({ toId }) => doneMessage(`Sent to ${mention(toId)}.`),
});
