import { DomainError } from '../../../errors';
import { journalEntryModal } from '../../blocks/journal-blocks';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parseRowId } from '../../inputs/origin';
import { zoneOf } from '../../known-person';

/** "Read the whole entry" (value = entry id): opens it for its author; for anyone else it does not exist. */
export function journalEntryOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const entryId = parseRowId(press.value);
    if (!entryId) throw new DomainError('not_found', "I can't find that entry in your journal.");
    const entry = await deps.services.journal.read(press.teamId, entryId, press.userId);
    await press.client.views.open({ trigger_id: press.triggerId, view: journalEntryModal(entry, await zoneOf(deps, press.teamId, press.userId)) });
  });
}
