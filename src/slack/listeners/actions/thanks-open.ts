import { thanksModal } from '../../blocks/thanks-blocks';
import { pairModalAction } from './pair-button';

/** "Say thank you" (value = pair id), from a reminder DM, the Home tab or an ephemeral reply. */
export const thanksOpen = pairModalAction('thanks_open', async (membership, { actor }, deps) =>
  thanksModal({
    choices: [membership],
    names: await deps.services.people.displayNames(actor.teamId, [actor.userId, membership.otherId]),
    pairId: membership.pair.id,
    channelId: actor.channelId,
  }),
);
