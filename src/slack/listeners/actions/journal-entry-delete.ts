import { parseUuid } from '../../../domain/ids';
import { ENTRY_NOT_FOUND } from '../../../domain/journal/journal.service';
import { onAction } from '../../adapters/action';
import { doneMessage } from '../../blocks/help';
import { journalPageOf, redrawJournal, redrawStaleJournal } from './journal-page';

const DELETED = 'Entry deleted.';

/**
 * Delete (value = entry id), confirmed in Slack's dialog: the author's own entry goes for good and
 * the journal modal shows the same page again. Anyone else's entry does not exist for them.
 */
export const journalEntryDelete = onAction({
  name: 'journal_entry_delete',
  parse: ({ value }) => parseUuid(value),
  malformed: ENTRY_NOT_FOUND,
  run: (entryId, { actor }, deps) => deps.services.journal.delete(actor, entryId),
  refused: redrawStaleJournal,
  reply: (_deleted, press, deps) => {
    const offset = journalPageOf(press);
    return offset === null ? { kind: 'private', message: doneMessage(DELETED) } : redrawJournal(deps, press.actor, offset, DELETED);
  },
});
