import { parseUuid } from '../../../domain/ids';
import { ENTRY_NOT_FOUND } from '../../../domain/journal/journal.service';
import { onAction } from '../../adapters/action';
import { journalEntryModal } from '../../blocks/journal-blocks';
import { zoneOf } from '../../known-person';

/**
 * "Read the whole entry" (value = entry id): opens it for its author; for anyone else it does not exist.
 * From the journal modal it is pushed over it (a modal's trigger cannot open a second modal).
 */
export const journalEntryOpen = onAction({
  name: 'journal_entry_open',
  parse: ({ value }) => parseUuid(value),
  malformed: ENTRY_NOT_FOUND,
  run: async (entryId, { actor }, deps) => ({ entry: await deps.services.journal.read(actor, entryId), zone: await zoneOf(deps, actor.teamId, actor.userId) }),
  reply: ({ entry, zone }, press, deps) => ({
    kind: press.view?.type === 'modal' ? 'push' : 'open',
    view: journalEntryModal(entry, zone, deps.services.journal.encrypted),
  }),
});
