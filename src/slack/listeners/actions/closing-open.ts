import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { doneMessage } from '../../blocks/help';
import { checkInNoteModal, reflectionModal } from '../../blocks/pair-life-modals';

/** After the end (value = pair id): the closing reflection, a note to the other person, no more check-ins. */
export const pairReflectOpen = onAction({
  name: 'pair_reflect_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.closing.reflectionDraft(actor, pairId),
  reply: ({ membership, reflection }) => ({ kind: 'open', view: reflectionModal(membership.pair.id, membership.otherId, reflection) }),
});

export const checkInNoteOpen = onAction({
  name: 'check_in_note_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.closing.noteRecipient(actor, pairId),
  reply: ({ pair, otherId }) => ({ kind: 'open', view: checkInNoteModal(pair.id, otherId) }),
});

export const checkInsStop = onAction({
  name: 'check_ins_stop',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.closing.setCheckIns(actor, pairId, false),
  reply: () => ({
    kind: 'private',
    message: doneMessage('No more check-ins about this mentorship. You can turn them back on in your closing reflection.'),
  }),
});
