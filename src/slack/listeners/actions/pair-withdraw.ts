import { parseUuid } from '../../../domain/ids';
import { INVITATION_GONE } from '../../../domain/pairs/transition';
import { onAction } from '../../adapters/action';
import { lifeReply } from '../../pair-life-replies';

/** "Withdraw invitation" (value = pair id), for the one who sent it: the pair is removed and the invitee told. */
export const pairWithdraw = onAction({
  name: 'pair_withdraw',
  parse: ({ value }) => parseUuid(value),
  malformed: INVITATION_GONE,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.closeInvitation(actor, pairId, 'withdrawn', null),
  reply: (outcome, press, deps) => lifeReply(outcome, press, deps, 'You withdrew this invitation.'),
});
