import { isDomainError } from '../../../errors';
import { onSubmit } from '../../adapters/view';
import { enrolDoneMessage, enrolRefusedModal } from '../../blocks/program-enrol';
import { ProgramEnrolModal } from '../../ids';
import { decodeEnrolBatch } from '../../inputs/program-enrol-form';
import { checkBatch } from '../../program-enrol';

const UNREADABLE = 'This preview no longer works. Open Enrol pairs in the program overview again; nothing was created.';

/**
 * "Create pairs" in the preview. The lines come back from the client, so they are checked again as a
 * whole (coordinator, people, pairs started meanwhile) and each valid one is set up as a coordinator's
 * pair through the single set-up's use case. The modal closes; the coordinator gets, privately, how
 * many started and which lines were refused meanwhile. A refusal replaces the preview (it has no input
 * to show an error under).
 */
export const programEnrolConfirm = onSubmit({
  name: 'program_enrol_confirm',
  field: ProgramEnrolModal.blocks.lines,
  parse: ({ metadata }) => ({ ok: true, value: decodeEnrolBatch(metadata) }),
  run: async (lines, { actor, client }, deps) => {
    if (!lines) return { done: false as const, message: UNREADABLE };
    try {
      const { pairs, errors } = await checkBatch(client, deps, actor, lines);
      const enrolled = await deps.services.pairs.enrol(actor, pairs);
      return { done: true as const, ...enrolled, refused: [...errors, ...enrolled.refused] };
    } catch (error) {
      if (isDomainError(error)) return { done: false as const, message: error.message };
      throw error;
    }
  },
  ack: (outcome) => (outcome.done ? { response_action: 'clear' } : { response_action: 'update', view: enrolRefusedModal(outcome.message) }),
  confirm: (outcome) => (outcome.done ? enrolDoneMessage(outcome.created, outcome.refused) : null),
});
