import { onAction } from '../../adapters/action';
import { journalBrowseModal } from '../../blocks/journal-browse';
import { JournalModal } from '../../ids';
import { parseOffset } from '../../inputs/journal-form';
import { zoneOf } from '../../known-person';

/**
 * "All entries" (from the journal list) opens the presser's whole journal at the page `value`;
 * Newer / Older inside it turn the page in place (all three ids). Only ever the presser's own entries.
 */
export const journalBrowse = onAction({
  name: 'journal_browse',
  parse: ({ value }) => parseOffset(value),
  run: async (offset, { actor }, deps) => ({ page: await deps.services.journal.page(actor, offset), zone: await zoneOf(deps, actor.teamId, actor.userId) }),
  reply: ({ page, zone }, press) => {
    const view = journalBrowseModal(page, zone);
    return press.view?.callbackId === JournalModal.browse.callbackId ? { kind: 'update_view', view } : { kind: 'open', view };
  },
});
