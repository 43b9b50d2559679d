import { onSubmit } from '../../adapters/view';
import { staleCommentError } from '../../blocks/goal-messages';
import { GoalChangesModal } from '../../ids';
import { readChangesForm } from '../../inputs/goal-values';

/**
 * The mentor's comment: the goal goes to "changes requested", the approval message says so and the
 * mentee gets the comment by DM. If the goal moved on while the mentor was writing, the comment
 * stays in the modal (nothing typed is lost) and the channel message is refreshed all the same.
 */
export const goalChangesSubmit = onSubmit({
  name: 'goal_changes_submit',
  field: GoalChangesModal.blocks.comment,
  fields: { comment: GoalChangesModal.blocks.comment },
  parse: ({ metadata, values }) => readChangesForm(metadata, values),
  run: async ({ comment, ...claim }, { actor }, deps) => {
    const review = await deps.services.goalReviews.requestChanges(actor, claim, comment);
    return review.kind === 'stale' ? { ok: false as const, errors: { comment: staleCommentError(review.goal) }, effects: review.effects } : review;
  },
});
