import type { ModalView } from '@slack/types';
import { agendaModal } from '../../blocks/agenda-modal';
import { notesModal } from '../../blocks/notes-modal';
import { type AppDeps, requestLog } from '../../context';
import { PairPicker } from '../../ids';
import { readOption } from '../../inputs/view-state';
import { pairChoicesFor } from '../../pair-resolver';
import { type ButtonArgs, replyToRefusal, teamOf, viewerOf } from './meeting-replies';

type Viewer = { userId: string; timeZone: string };
type Picker = Awaited<ReturnType<typeof pairChoicesFor>>;
type ModalFor = (deps: AppDeps, teamId: string, userId: string, pairId: string, viewer: Viewer, picker: Picker) => Promise<ModalView>;

/**
 * Picking another pair in a meeting modal swaps in that pair's meeting (its carry-over, wrap-up or
 * last meeting). Text already typed stays: the input block ids do not change.
 */
function meetingPairPicked(deps: AppDeps, modalFor: ModalFor) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const view = body.view;
    const pairId = view ? readOption(view.state.values, PairPicker.blockId, PairPicker.actionId) : null;
    if (!view || !pairId) return;
    const teamId = teamOf(body);
    try {
      const [viewer, picker] = await Promise.all([viewerOf(deps, teamId, body.user.id), pairChoicesFor(deps, teamId, body.user.id)]);
      const modal = await modalFor(deps, teamId, body.user.id, pairId, viewer, picker);
      await client.views
        .update({ view_id: view.id, hash: view.hash, view: modal })
        .catch((error: unknown) => requestLog(args.context, deps.logger).info({ err: error }, 'meeting modal refresh skipped'));
    } catch (error) {
      await replyToRefusal(args, deps, error);
    }
  };
}

/** The agenda modal of the picked pair's next meeting. */
export const agendaPairPicked = (deps: AppDeps) =>
  meetingPairPicked(deps, async (d, teamId, userId, pairId, viewer, picker) => agendaModal(await d.services.agendas.draftForPair(teamId, userId, pairId), viewer, picker));

/** The notes modal of the picked pair's last meeting. */
export const notesPairPicked = (deps: AppDeps) =>
  meetingPairPicked(deps, async (d, teamId, userId, pairId, viewer, picker) => notesModal(await d.services.notes.draftForPair(teamId, userId, pairId), viewer, picker));
