import { notesModal } from '../../blocks/notes-modal';
import { type AppDeps, requestLog } from '../../context';
import { PairPicker } from '../../ids';
import { readOption } from '../../inputs/view-state';
import { pairChoicesFor } from '../../pair-resolver';
import { type ButtonArgs, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

/** Picking another pair in the notes modal swaps in that pair's last meeting; typed text stays. */
export function notesPairPicked(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const view = body.view;
    const pairId = view ? readOption(view.state.values, PairPicker.blockId, PairPicker.actionId) : null;
    if (!view || !pairId) return;
    const teamId = teamOf(body);
    try {
      const draft = await deps.services.notes.draftForPair(teamId, body.user.id, pairId);
      const [viewer, picker] = await Promise.all([viewerOf(deps, teamId, body.user.id), pairChoicesFor(deps, teamId, body.user.id)]);
      await client.views
        .update({ view_id: view.id, hash: view.hash, view: notesModal(draft, viewer, picker) })
        .catch((error: unknown) => requestLog(args.context, deps.logger).info({ err: error }, 'notes modal refresh skipped'));
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}
