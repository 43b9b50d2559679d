import type { Stale } from '../../../domain/pairs/transition';
import { onSubmit } from '../../adapters/view';
import { doneMessage } from '../../blocks/help';
import { PairChangeModal, PairDeclineModal, PairEndModal, PairPauseModal } from '../../ids';
import { CHANGE_FIELD_BLOCKS, parseChangeForm, parseDeclineForm, parseEndForm, parsePauseForm } from '../../inputs/pair-life-forms';

/**
 * The lifecycle modals' submissions. If the pair moved on while the modal was open (the other person
 * ended it, the invitation expired), the modal says so under its field and nothing changes.
 */
const refusedWhenStale =
  (field: string) =>
  <T extends { changed: boolean }>(outcome: T | Stale): T | { ok: false; errors: Record<string, string>; effects: Stale['effects'] } =>
    outcome.changed ? outcome : { ok: false, errors: { [field]: (outcome as Stale).reason }, effects: (outcome as Stale).effects };

export const pairDeclineSubmit = onSubmit({
  name: 'pair_decline_submit',
  field: PairDeclineModal.blocks.reason,
  parse: ({ view, values }) => parseDeclineForm(view, values),
  run: async ({ pairId, reason }, { actor }, deps) =>
    refusedWhenStale(PairDeclineModal.blocks.reason)(await deps.services.lifecycle.closeInvitation(actor, pairId, 'declined', reason)),
  confirm: () => doneMessage('You declined the invitation. They have been told, kindly; nothing was set up.'),
});

export const pairPauseSubmit = onSubmit({
  name: 'pair_pause_submit',
  field: PairPauseModal.blocks.resumeOn,
  fields: { resumeOn: PairPauseModal.blocks.resumeOn },
  parse: ({ view, values }) => parsePauseForm(view, values),
  run: async ({ pairId, resumeOn }, { actor }, deps) => {
    const outcome = await deps.services.lifecycle.pause(actor, pairId, resumeOn);
    return 'ok' in outcome ? outcome : refusedWhenStale(PairPauseModal.blocks.resumeOn)(outcome);
  },
  confirm: () => doneMessage('Paused: no meetings and no reminders until it resumes. The other person has been told.'),
});

export const pairEndSubmit = onSubmit({
  name: 'pair_end_submit',
  field: PairEndModal.blocks.reason,
  parse: ({ view, values }) => parseEndForm(view, values),
  run: async ({ pairId, reason }, { actor }, deps) => refusedWhenStale(PairEndModal.blocks.reason)(await deps.services.lifecycle.end(actor, pairId, reason)),
  confirm: () => doneMessage('Your mentorship has ended. Your closing summary and reflection are in your DMs.'),
});

export const pairChangeSubmit = onSubmit({
  name: 'pair_change_submit',
  field: PairChangeModal.blocks.plannedEnd,
  fields: CHANGE_FIELD_BLOCKS,
  parse: ({ view, values }) => parseChangeForm(view, values),
  run: async ({ pairId, change }, { actor }, deps) => {
    const outcome = await deps.services.lifecycle.change(actor, pairId, change);
    return 'ok' in outcome ? outcome : refusedWhenStale(PairChangeModal.blocks.plannedEnd)(outcome);
  },
  confirm: () => doneMessage('Saved. Meetings and reminders follow the new set-up; the other person has been told.'),
});
