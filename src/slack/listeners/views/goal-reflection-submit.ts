import { onSubmit } from '../../adapters/view';
import { GoalReflectionModal } from '../../ids';
import { readReflectionForm } from '../../inputs/goal-values';

/** The mentee's one-line reflection on an achieved goal; the approval message and the DM prompt show it. */
export const goalReflectionSubmit = onSubmit({
  name: 'goal_reflection_submit',
  field: GoalReflectionModal.blocks.reflection,
  parse: ({ metadata, values }) => readReflectionForm(metadata, values),
  run: ({ goalId, reflection, prompt }, { actor }, deps) => deps.services.goalProgress.reflect(actor, goalId, reflection, prompt),
});
