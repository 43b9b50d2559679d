import { onSubmit } from '../../adapters/view';
import { journalListMessage } from '../../blocks/journal-blocks';
import { lookupUser } from '../../directory';
import { JournalModal } from '../../ids';
import { JOURNAL_FIELD_BLOCKS, readJournalForm } from '../../inputs/journal-form';

/** Saves the private entry, then shows the author (and only the author) their recent entries. Nobody else hears of it. */
export const journalSubmit = onSubmit({
  name: 'journal_submit',
  field: JournalModal.write.blocks.wentWell,
  fields: JOURNAL_FIELD_BLOCKS,
  parse: ({ view, values }) => readJournalForm(view, values),
  run: (form, { actor, client }, deps) => deps.services.journal.write(actor, form, () => lookupUser(client, actor.userId)),
  confirm: ({ entry, recent, zone }, _submission, deps) =>
    journalListMessage(recent, zone, { saved: true, pairId: entry.pairId ?? undefined, encrypted: deps.services.journal.encrypted }),
});
