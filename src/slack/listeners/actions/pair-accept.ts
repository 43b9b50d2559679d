import { parseUuid } from '../../../domain/ids';
import { INVITATION_GONE } from '../../../domain/pairs/transition';
import { onAction } from '../../adapters/action';
import { ACCEPTED_NOTE } from '../../blocks/pair-life-messages';
import { lifeReply } from '../../pair-life-replies';

/**
 * "Accept" on an invitation (value = pair id): the pair starts, and the welcomes and the goals-channel
 * introduction leave through the outbox. An invitation answered, withdrawn or expired meanwhile
 * redraws the message and changes nothing.
 */
export const pairAccept = onAction({
  name: 'pair_accept',
  parse: ({ value }) => parseUuid(value),
  malformed: INVITATION_GONE,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.accept(actor, pairId),
  reply: (outcome, press, deps) => lifeReply(outcome, press, deps, ACCEPTED_NOTE),
});
