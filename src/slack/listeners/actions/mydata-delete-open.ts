import { onAction } from '../../adapters/action';
import { deleteConfirmModal, nothingToDeleteMessage } from '../../blocks/mydata';
import { NOT_YOURS, ownPress } from '../../inputs/mydata-form';

/** "Delete my data…": the confirmation, listing exactly what would go (counts per kind); nothing is deleted yet. */
export const mydataDeleteOpen = onAction({
  name: 'mydata_delete_open',
  parse: ownPress,
  malformed: NOT_YOURS,
  run: (_own, { actor }, deps) => deps.services.personalData.inventory(actor),
  reply: (lines, { actor }) =>
    lines.length === 0 ? { kind: 'private', message: nothingToDeleteMessage() } : { kind: 'open', view: deleteConfirmModal(actor.userId, lines) },
});
