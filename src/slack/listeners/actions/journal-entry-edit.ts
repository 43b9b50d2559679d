import { parseUuid } from '../../../domain/ids';
import { ENTRY_NOT_FOUND } from '../../../domain/journal/journal.service';
import { onAction } from '../../adapters/action';
import { journalEditModal } from '../../blocks/journal-blocks';
import { zoneOf } from '../../known-person';
import { journalPageOf, redrawStaleJournal } from './journal-page';

/** Edit (value = entry id) in the journal modal: the modal becomes the entry's form, for its author only. */
export const journalEntryEdit = onAction({
  name: 'journal_entry_edit',
  parse: ({ value }) => parseUuid(value),
  malformed: ENTRY_NOT_FOUND,
  run: async (entryId, { actor }, deps) => ({ entry: await deps.services.journal.read(actor, entryId), zone: await zoneOf(deps, actor.teamId, actor.userId) }),
  refused: redrawStaleJournal,
  reply: ({ entry, zone }, press, deps) => {
    const offset = journalPageOf(press);
    const view = journalEditModal(entry, offset ?? 0, zone, deps.services.journal.encrypted);
    return offset === null ? { kind: 'open', view } : { kind: 'update_view', view };
  },
});
