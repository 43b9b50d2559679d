import { onSubmit } from '../../adapters/view';
import { journalBrowseModal } from '../../blocks/journal-browse';
import { JournalModal } from '../../ids';
import { JOURNAL_FIELD_BLOCKS, readJournalEdit } from '../../inputs/journal-form';
import { zoneOf } from '../../known-person';

/** Saves the author's edit and shows their journal again at the page it was opened from. Nobody else hears of it. */
export const journalEditSubmit = onSubmit({
  name: 'journal_edit_submit',
  field: JournalModal.write.blocks.wentWell,
  fields: JOURNAL_FIELD_BLOCKS,
  parse: ({ view, values }) => readJournalEdit(view, values),
  run: async ({ entryId, offset, ...draft }, { actor }, deps) => {
    const edited = await deps.services.journal.edit(actor, entryId, draft);
    if (!edited.ok) return edited;
    const [page, zone] = await Promise.all([deps.services.journal.page(actor, offset), zoneOf(deps, actor.teamId, actor.userId)]);
    return { ok: true as const, page, zone };
  },
  ack: ({ page, zone }) => ({ response_action: 'update', view: journalBrowseModal(page, zone, 'Entry saved.') }),
});
