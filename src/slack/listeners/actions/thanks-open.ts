import { thanksModal } from '../../blocks/thanks-blocks';
import type { AppDeps } from '../../context';
import { pairModalButton } from './pair-button';

/** "Say thank you" (value = pair id), from a reminder DM, the Home tab or an ephemeral reply. */
export function thanksOpen(deps: AppDeps) {
  return pairModalButton(deps, async ({ press, choice }) => {
    const names = await deps.services.people.displayNames(press.teamId, [press.userId, choice.otherId]);
    return thanksModal({ choices: [choice], names, pairId: choice.pair.id, channelId: press.channelId });
  });
}
