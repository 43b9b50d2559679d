import type { ModalView } from '@slack/types';
import type { Membership } from '../../../domain/pairs/access';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { parseUuid } from '../../../domain/ids';
import { onAction, type Press } from '../../adapters/action';
import type { AppDeps } from '../../context';

/**
 * A button whose value names a pair and that opens a modal about it ("Add resource", "Say thanks",
 * "Ask for feedback"), from any surface. The value is a claim: the presser must belong to the pair.
 */
export function pairModalAction(name: string, modalFor: (membership: Membership, press: Press, deps: AppDeps) => Promise<ModalView> | ModalView) {
  return onAction({
    name,
    parse: ({ value }) => parseUuid(value),
    malformed: NOT_IN_PAIR,
    run: async (pairId, press, deps) => modalFor(await deps.services.pairs.membership(press.actor, pairId), press, deps),
    reply: (view) => ({ kind: 'open', view }),
  });
}
