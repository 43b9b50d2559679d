import { updateModal } from '../../blocks/update-blocks';
import { pairModalAction } from './pair-button';

/** "Send an update" (value = pair id), from the mid-cycle nudge, an update received, or the bot's DM. */
export const updateOpen = pairModalAction('update_open', async (membership, { actor }, deps) =>
  updateModal({
    choices: [membership],
    names: await deps.services.people.displayNames(actor.teamId, [actor.userId, membership.otherId]),
    pairId: membership.pair.id,
    channelId: actor.channelId,
  }),
);
