import { agendaModal } from '../../blocks/agenda-modal';
import { type AppDeps, requestLog } from '../../context';
import { PairPicker } from '../../ids';
import { readOption } from '../../inputs/view-state';
import { pairChoicesFor } from '../../pair-resolver';
import { type ButtonArgs, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/**
 * Picking another pair in the agenda modal swaps in that pair's next meeting (its carry-over and
 * wrap-up). Text already typed stays: the input block ids do not change.
 */
export function agendaPairPicked(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const view = body.view;
    const pairId = view ? readOption(view.state.values, PairPicker.blockId, PairPicker.actionId) : null;
    if (!view || !pairId) return;
    const teamId = teamOf(body);
    try {
      const draft = await deps.services.agendas.draftForPair(teamId, body.user.id, pairId);
      const [viewer, picker] = await Promise.all([viewerOf(deps, teamId, body.user.id), pairChoicesFor(deps, teamId, body.user.id)]);
      await client.views
        .update({ view_id: view.id, hash: view.hash, view: agendaModal(draft, viewer, picker) })
        .catch((error: unknown) => requestLog(args.context, deps.logger).info({ err: error }, 'agenda modal refresh skipped'));
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
