import type { SaveGoalResult } from '../../../domain/goals/goals.service';
import { onSubmit } from '../../adapters/view';
import { goalListMessage } from '../../blocks/goal-list';
import { savedNotice, sharedNotice } from '../../blocks/goal-messages';
import { escapeText } from '../../blocks/text';
import { GoalModal } from '../../ids';
import { GOAL_FIELD_BLOCKS, readGoalForm } from '../../inputs/goal-form';

/** The line above the goal list: what happened to the approval, or why "share it now" could not be done. */
function savedLine(saved: Extract<SaveGoalResult, { ok: true }>): string {
  if (saved.shareNow?.shared) return sharedNotice(saved.goal, null);
  const line = savedNotice(saved.goal, saved.channel);
  return saved.shareNow ? `${line}\n:warning: ${escapeText(saved.shareNow.reason)}` : line;
}

/**
 * Saves a new or edited goal, and shares it when ticked. Problems go back under their fields and the
 * modal stays open with everything typed; the approval message follows the goal through the outbox,
 * and the person's goal list comes back where they opened the modal.
 */
export const goalSubmit = onSubmit({
  name: 'goal_submit',
  field: GoalModal.blocks.title,
  fields: GOAL_FIELD_BLOCKS,
  parse: ({ metadata, values }) => readGoalForm(metadata, values),
  run: ({ target, draft, shareNow }, { actor }, deps) => deps.services.goals.save(actor, target, draft, { shareNow }),
  confirm: async (saved, { actor }, deps) => goalListMessage(await deps.services.goals.overviewFor(actor), savedLine(saved)),
});
