import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import { type GoalDetails, goalForMember, lockedGoalForMember, withItems } from './goal-access';
import { canAchieve, isActive } from './goal-rules';
import { listItems, recordItemProgress, updateGoal } from './goals.repository';

/** What the progress modal sent back, for the items it showed. */
export interface ProgressInput {
  /** Items the modal showed: only these may change (one added meanwhile is left alone). */
  shownItemIds: readonly string[];
  /** New values of numeric key results, by item id. */
  values: Readonly<Record<string, number>>;
  /** Ticked done/not-done key results and milestones, by item id; shown ones not listed are not done. */
  doneItemIds: readonly string[];
}

/** Progress on a goal, marking it achieved, and the mentee's reflection afterwards. */
export class GoalProgressService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async forProgress(teamId: string, goalId: string, userId: string): Promise<GoalDetails> {
    const found = await goalForMember(this.db, teamId, goalId, userId);
    if (!isActive(found.goal.status)) throw new DomainError('conflict', `“${found.goal.title}” is closed; its progress is final.`);
    return withItems(this.db, found);
  }

  /** Records each changed item with who changed it and when; unchanged items keep their history. */
  async updateProgress(teamId: string, goalId: string, userId: string, input: ProgressInput): Promise<{ details: GoalDetails; changed: number }> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      if (!isActive(goal.status)) throw new DomainError('conflict', `“${goal.title}” is closed; its progress is final.`);
      const shown = new Set(input.shownItemIds);
      const done = new Set(input.doneItemIds);
      const now = this.clock();
      let changed = 0;
      for (const item of await listItems(tx, [goal.id])) {
        if (!shown.has(item.id)) continue;
        const numeric = item.kind === 'key_result' && item.target_value !== null;
        const value = numeric ? (input.values[item.id] ?? item.current_value) : item.current_value;
        const isDone = numeric ? value >= (item.target_value ?? Infinity) : done.has(item.id);
        if (value === item.current_value && isDone === item.done) continue;
        await recordItemProgress(tx, item.id, { current_value: value, done: isDone, updated_by: userId, updated_at: now });
        changed += 1;
      }
      return { details: await withItems(tx, { goal, pair }), changed };
    });
  }

  /** Either person may mark an approved goal achieved. */
  async achieve(teamId: string, goalId: string, userId: string): Promise<GoalDetails> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      if (goal.status === 'achieved') throw new DomainError('conflict', `“${goal.title}” is already marked achieved.`);
      if (!canAchieve(goal.status)) {
        throw new DomainError('conflict', `Only an approved goal can be marked achieved; “${goal.title}” is not approved (yet).`);
      }
      const updated = await updateGoal(tx, goal.id, { status: 'achieved', achieved_at: this.clock(), version: goal.version + 1 });
      return withItems(tx, { goal: updated, pair });
    });
  }

  /** The reflection is the mentee's, on a goal they achieved. */
  async forReflection(teamId: string, goalId: string, userId: string): Promise<GoalDetails> {
    const found = await goalForMember(this.db, teamId, goalId, userId);
    checkReflection(found.goal.status, found.pair.mentee_id, userId);
    return withItems(this.db, found);
  }

  async reflect(teamId: string, goalId: string, userId: string, reflection: string): Promise<GoalDetails> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      checkReflection(goal.status, pair.mentee_id, userId);
      const updated = await updateGoal(tx, goal.id, { reflection });
      return withItems(tx, { goal: updated, pair });
    });
  }
}

function checkReflection(status: string, menteeId: string, userId: string): void {
  if (menteeId !== userId) throw new DomainError('forbidden', 'The reflection on an achieved goal is the mentee’s to write.');
  if (status !== 'achieved') throw new DomainError('conflict', 'A reflection is written once the goal is achieved.');
}
