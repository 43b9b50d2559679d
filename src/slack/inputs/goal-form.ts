import { z } from 'zod';
import { type GoalDraft, type GoalField, OBJECTIVE_MAX, SMART_TEXT_MAX, TITLE_MAX } from '../../domain/goals/goal-rules';
import type { SaveTarget } from '../../domain/goals/goals.service';
import { parseKeyResults, parseMilestones } from '../../domain/goals/progress-lines';
import type { Parsed } from '../adapters/view';
import { GoalModal } from '../ids';
import { GoalModalMetadata, outOfDate } from './goal-values';
import { decodeMetadata } from './metadata';
import { type BlockErrors, readDate, readOptions, readText, checkViewState } from './view-state';

const { blocks: b, actions: a } = GoalModal;

/** Which block carries each domain field, so domain errors land under the right input. */
export const GOAL_FIELD_BLOCKS: Record<GoalField, string> = {
  title: b.title,
  specific: b.specific,
  measurable: b.measurable,
  achievable: b.achievable,
  relevant: b.relevant,
  objective: b.objective,
  targetDate: b.targetDate,
  keyResults: b.keyResults,
  milestones: b.milestones,
};

const optionalText = (max: number, what: string) =>
  z
    .string()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .nullish()
    .transform((value) => value ?? null);

const GoalForm = z.object({
  title: z
    .string({ error: `Give the goal a short title (${TITLE_MAX} characters at most).` })
    .max(TITLE_MAX, `Keep the title short: ${TITLE_MAX} characters at most.`),
  specific: z.string({ error: 'Say what exactly you will accomplish.' }).max(SMART_TEXT_MAX, `Keep it under ${SMART_TEXT_MAX} characters.`),
  measurable: z.string({ error: 'Say how you will measure progress.' }).max(SMART_TEXT_MAX, `Keep it under ${SMART_TEXT_MAX} characters.`),
  achievable: optionalText(SMART_TEXT_MAX, 'answer'),
  relevant: optionalText(SMART_TEXT_MAX, 'answer'),
  objective: optionalText(OBJECTIVE_MAX, 'objective'),
  targetDate: z.iso.date({ error: 'Pick a target date.' }),
});

const FORM_FIELD_BLOCKS: Record<keyof z.infer<typeof GoalForm>, string> = {
  title: b.title,
  specific: b.specific,
  measurable: b.measurable,
  achievable: b.achievable,
  relevant: b.relevant,
  objective: b.objective,
  targetDate: b.targetDate,
};

export type GoalFormResult = { ok: true; draft: GoalDraft; shareNow: boolean } | { ok: false; errors: BlockErrors };

/** Reads the goal modal. Every problem is reported at once, each under its own field. */
export function parseGoalForm(values: unknown): GoalFormResult {
  const state = checkViewState(values);
  const raw = {
    title: readText(state, b.title, a.title) ?? undefined,
    specific: readText(state, b.specific, a.specific) ?? undefined,
    measurable: readText(state, b.measurable, a.measurable) ?? undefined,
    achievable: readText(state, b.achievable, a.achievable),
    relevant: readText(state, b.relevant, a.relevant),
    objective: readText(state, b.objective, a.objective),
    targetDate: readDate(state, b.targetDate, a.targetDate) ?? undefined,
  };
  const errors: BlockErrors = {};
  const parsed = GoalForm.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const block = FORM_FIELD_BLOCKS[issue.path[0] as keyof typeof FORM_FIELD_BLOCKS];
      if (block && !errors[block]) errors[block] = issue.message;
    }
  }
  const keyResults = parseKeyResults(readText(state, b.keyResults, a.keyResults));
  if (!keyResults.ok) errors[b.keyResults] = keyResults.error;
  const milestones = parseMilestones(readText(state, b.milestones, a.milestones));
  if (!milestones.ok) errors[b.milestones] = milestones.error;
  if (!parsed.success || !keyResults.ok || !milestones.ok) return { ok: false, errors };
  return {
    ok: true,
    draft: { ...parsed.data, keyResults: keyResults.items, milestones: milestones.items },
    shareNow: readOptions(state, b.shareNow, a.shareNow).includes(GoalModal.shareNowValue),
  };
}

/** The goal modal with what it was opened for: a new goal of a pair, or an edit of a goal. */
export function readGoalForm(metadata: string | undefined, values: unknown): Parsed<{ target: SaveTarget; draft: GoalDraft; shareNow: boolean }> {
  const form = parseGoalForm(values);
  if (!form.ok) return form;
  const meta = decodeMetadata(GoalModalMetadata, metadata);
  if (!meta) return outOfDate(b.title, 'Copy what you wrote, close it and start again.');
  return { ok: true, value: { target: meta.goalId ? { goalId: meta.goalId } : { pairId: meta.pairId }, draft: form.draft, shareNow: form.shareNow } };
}
