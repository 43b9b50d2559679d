import type { ModalView } from '@slack/types';
import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction, type Press } from '../../adapters/action';
import type { PickerChoices } from '../../blocks/agenda-modal';
import { agendaModal } from '../../blocks/agenda-modal';
import { notesModal } from '../../blocks/notes-modal';
import type { AppDeps } from '../../context';
import { pairChoicesFor } from '../../pair-resolver';

/**
 * Picking another pair in a meeting modal swaps in that pair's meeting (its carry-over, wrap-up or
 * last meeting). Text already typed stays: the input block ids do not change. The picked value is a
 * claim: the service refuses a pair the presser is not in.
 */
function meetingPairPicked(name: string, modalFor: (pairId: string, press: Press, deps: AppDeps, picker: PickerChoices) => Promise<ModalView>) {
  return onAction({
    name,
    parse: ({ value }) => parseUuid(value),
    malformed: NOT_IN_PAIR,
    run: async (pairId, press, deps) => modalFor(pairId, press, deps, await pairChoicesFor(deps, press.actor.teamId, press.actor.userId)),
    reply: (view) => ({ kind: 'update_view', view }),
  });
}

/** The agenda modal of the picked pair's next meeting. */
export const agendaPairPicked = meetingPairPicked('agenda_pair_picked', async (pairId, { actor }, deps, picker) =>
  agendaModal(await deps.services.agendas.draftForPair(actor, pairId), picker),
);

/** The notes modal of the picked pair's last meeting. */
export const notesPairPicked = meetingPairPicked('notes_pair_picked', async (pairId, { actor }, deps, picker) =>
  notesModal(await deps.services.notes.draftForPair(actor, pairId), picker),
);
