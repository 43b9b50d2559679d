import { DomainError } from '../../../errors';
import { journalModal } from '../../blocks/journal-blocks';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parsePairValue } from '../../inputs/origin';
import { knownPerson } from '../../known-person';
import { pairChoicesFor } from '../../pair-resolver';

/**
 * "Write a journal entry" (value = pair id, or '' for an entry not tied to a pair). A pair id must be
 * one of the presser's pairs; with '' the modal links the person's only pair, or offers a choice.
 */
export function journalOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const value = parsePairValue(press.value, true);
    if (!value.ok) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    if (value.pairId) await deps.services.pairs.membership(press, value.pairId);
    const { choices, names } = await pairChoicesFor(deps, press.teamId, press.userId);
    const pairId = value.pairId ?? (choices.length === 1 ? choices[0]?.pair.id : undefined);
    await press.client.views.open({ trigger_id: press.triggerId, view: journalModal({ choices, names, pairId, channelId: press.channelId }) });
    await knownPerson(press.client, deps, press.teamId, press.userId);
  });
}
