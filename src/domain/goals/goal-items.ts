import type { Goal } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { GoalDraft, GoalSubstance } from './goal-rules';
import { deleteItems, insertItems, type NewProgressItem, type ProgressItem, updateItemDefinition } from './goals.repository';

export function substanceOfGoal(goal: Goal, items: readonly ProgressItem[]): GoalSubstance {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  return {
    title: goal.title,
    specific: goal.specific,
    measurable: goal.measurable,
    achievable: goal.achievable,
    relevant: goal.relevant,
    objective: goal.objective,
    targetDate: goal.target_date,
    keyResults: ordered.filter((item) => item.kind === 'key_result').map((item) => ({ title: item.title, target: item.target_value })),
    milestones: ordered.filter((item) => item.kind === 'milestone').map((item) => ({ title: item.title, dueDate: item.due_date ?? '' })),
  };
}

export function newItems(goal: Goal, draft: GoalDraft): NewProgressItem[] {
  return [
    ...draft.keyResults.map((kr, position) => ({
      team_id: goal.team_id,
      goal_id: goal.id,
      kind: 'key_result' as const,
      title: kr.title,
      target_value: kr.target,
      due_date: null,
      position,
      updated_by: null,
    })),
    ...draft.milestones.map((milestone, position) => ({
      team_id: goal.team_id,
      goal_id: goal.id,
      kind: 'milestone' as const,
      title: milestone.title,
      target_value: null,
      due_date: milestone.dueDate,
      position,
      updated_by: null,
    })),
  ];
}

/**
 * Rewrites a goal's key results and milestones from an edit. An item whose wording is unchanged
 * (same kind, same title ignoring case) keeps its progress and who recorded it; removed items go.
 */
export async function syncItems(tx: Tx, goal: Goal, existing: readonly ProgressItem[], draft: GoalDraft): Promise<void> {
  const key = (kind: string, title: string): string => `${kind}:${title.trim().toLowerCase()}`;
  const byKey = new Map(existing.map((item) => [key(item.kind, item.title), item]));
  const kept: ProgressItem[] = [];
  const fresh: NewProgressItem[] = [];
  for (const wanted of newItems(goal, draft)) {
    const match = byKey.get(key(wanted.kind, wanted.title));
    if (!match) {
      fresh.push(wanted);
      continue;
    }
    kept.push(match);
    await updateItemDefinition(tx, match.id, {
      title: wanted.title,
      target_value: wanted.target_value ?? null,
      due_date: wanted.due_date ?? null,
      position: wanted.position ?? 0,
    });
  }
  await deleteItems(
    tx,
    goal.id,
    kept.map((item) => item.id),
  );
  await insertItems(tx, fresh);
}
