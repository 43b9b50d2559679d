import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { journalModal } from '../../blocks/journal-blocks';
import { pairChoicesFor } from '../../pair-resolver';

/** The button's value: a pair id, or '' for an entry not tied to a pair; anything else is no claim at all. */
const pairValue = (value: string | undefined): { pairId: string | null } | null => {
  if (value === '' || value === undefined) return { pairId: null };
  const pairId = parseUuid(value);
  return pairId ? { pairId } : null;
};

/**
 * "Write a journal entry" (value = pair id, or ''). A pair id must be one of the presser's pairs;
 * with '' the modal links the person's only pair, or offers a choice. Nothing is stored before the
 * entry itself (which also stores its author, the first time).
 */
export const journalOpen = onAction({
  name: 'journal_open',
  parse: ({ value }) => pairValue(value),
  malformed: NOT_IN_PAIR,
  run: async ({ pairId }, { actor }, deps) => {
    if (pairId) await deps.services.pairs.membership(actor, pairId);
    const { choices, names } = await pairChoicesFor(deps, actor.teamId, actor.userId);
    return { choices, names, pairId: pairId ?? (choices.length === 1 ? choices[0]?.pair.id : undefined) };
  },
  reply: (found, { actor }, deps) => ({
    kind: 'open',
    view: journalModal({ ...found, channelId: actor.channelId, encrypted: deps.services.journal.encrypted }),
  }),
});
