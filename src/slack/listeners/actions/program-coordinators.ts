import { onAction } from '../../adapters/action';
import { overviewStateOf, parseUserId } from '../../inputs/program-form';
import { overviewModal } from '../../program-overview';
import { slackStanding } from '../../coordinators';

/**
 * A coordinator picks someone in the overview's "Add a coordinator" or "Remove a coordinator":
 * one service call changes the list, then the overview is redrawn with a line saying what happened
 * (an admin or owner cannot be removed, and the line says so).
 */
const change = (name: string, kind: 'add' | 'remove') =>
  onAction({
    name,
    parse: (press) => parseUserId(press.value),
    run: (userId, { actor, client }, deps) =>
      kind === 'add'
        ? deps.services.program.addCoordinator(actor, slackStanding(client), userId)
        : deps.services.program.removeCoordinator(actor, slackStanding(client), userId),
    reply: async (outcome, press, deps) => ({
      kind: 'update_view',
      view: await overviewModal(press.client, deps, press.actor, overviewStateOf(press.view?.privateMetadata), outcome),
    }),
  });

export const programCoordinatorAdd = change('program_coordinator_add', 'add');
export const programCoordinatorRemove = change('program_coordinator_remove', 'remove');
