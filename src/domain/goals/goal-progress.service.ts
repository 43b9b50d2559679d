import type { Kysely } from 'kysely';
import type { Database, Goal } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { findPeople, findPerson } from '../people/people.repository';
import { goalOfMember, viewOf } from './goal-access';
import { canAchieve, isActive } from './goal-rules';
import type { GoalView, MessageLocation } from './goal-view';
import { listItems, recordItemProgress, updateGoal } from './goals.repository';
import type { ProgressChange } from './progress-changes';

/** What the progress modal sent back, for the items it showed. */
export interface ProgressInput {
  /** Items the modal showed: only these may change (one added meanwhile is left alone). */
  shownItemIds: readonly string[];
  /** New values of numeric key results, by item id. */
  values: Readonly<Record<string, number>>;
  /** Ticked done/not-done key results and milestones, by item id; shown ones not listed are not done. */
  doneItemIds: readonly string[];
}

/** The progress modal: the goal, and who last changed each item, named and timed in the viewer's zone. */
export interface ProgressForm {
  goal: GoalView;
  viewerZone: string;
  names: Record<string, string>;
}

const FINAL = 'That goal is closed; its progress is final.';
const NOT_APPROVED = 'Only an approved goal can be marked achieved; that goal is not approved (yet).';
const ALREADY_ACHIEVED = 'That goal is already marked achieved.';

/** Progress on a goal, marking it achieved, and the mentee's reflection afterwards. */
export class GoalProgressService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  async forProgress(actor: Actor, goalId: unknown): Promise<ProgressForm> {
    const { goal, pair } = await goalOfMember(this.db, actor, goalId);
    if (!isActive(goal.status)) throw new DomainError('conflict', FINAL);
    const view = await viewOf(this.db, goal, pair);
    const editors = [...new Set(view.items.flatMap((item) => (item.updatedBy ? [item.updatedBy] : [])))];
    const [viewer, people] = await Promise.all([findPerson(this.db, actor.teamId, actor.userId), findPeople(this.db, actor.teamId, editors)]);
    const names = Object.fromEntries([...editors.map((id) => [id, id]), ...people.map((person) => [person.user_id, person.display_name])]);
    return { goal: view, viewerZone: viewer?.time_zone ?? 'UTC', names };
  }

  /** Records each changed item with who changed it and when; unchanged items keep their history. */
  async updateProgress(actor: Actor, goalId: unknown, input: ProgressInput): Promise<WithEffects<{ goal: GoalView; changed: number }>> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await goalOfMember(tx, actor, goalId, { lock: true });
      if (!isActive(goal.status)) throw new DomainError('conflict', FINAL);
      const shown = new Set(input.shownItemIds);
      const done = new Set(input.doneItemIds);
      const now = this.clock();
      const changes: ProgressChange[] = [];
      for (const item of await listItems(tx, [goal.id])) {
        if (!shown.has(item.id)) continue;
        const numeric = item.kind === 'key_result' && item.target_value !== null;
        const value = numeric ? (input.values[item.id] ?? item.current_value) : item.current_value;
        const isDone = numeric ? value >= (item.target_value ?? Infinity) : done.has(item.id);
        if (value === item.current_value && isDone === item.done) continue;
        await recordItemProgress(tx, item.id, { current_value: value, done: isDone, updated_by: actor.userId, updated_at: now });
        changes.push({
          kind: item.kind,
          title: item.title,
          target: item.target_value,
          before: { current: item.current_value, done: item.done },
          after: { current: value, done: isDone },
        });
      }
      const view = await viewOf(tx, goal, pair);
      const readerId = actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
      const readerZone = (await findPerson(tx, actor.teamId, readerId))?.time_zone ?? pair.time_zone;
      const events = changes.length > 0 ? [{ type: 'goal_progress_recorded' as const, goal: view, actorId: actor.userId, readerId, readerZone, changes }] : [];
      const effects = await this.effects.record(tx, actor.teamId, events);
      return { goal: view, changed: changes.length, effects };
    });
  }

  /** Either person may mark an approved goal achieved: a celebration in the goals channel, a reflection asked of the mentee. */
  async achieve(actor: Actor, goalId: unknown): Promise<WithEffects<{ goal: GoalView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await goalOfMember(tx, actor, goalId, { lock: true });
      if (goal.status === 'achieved') throw new DomainError('conflict', ALREADY_ACHIEVED);
      if (!canAchieve(goal.status)) throw new DomainError('conflict', NOT_APPROVED);
      const achieved = await viewOf(tx, await updateGoal(tx, goal.id, { status: 'achieved', achieved_at: this.clock(), version: goal.version + 1 }), pair);
      const menteeZone = (await findPerson(tx, actor.teamId, pair.mentee_id))?.time_zone ?? pair.time_zone;
      const effects = await this.effects.record(tx, actor.teamId, [{ type: 'goal_achieved', goal: achieved, actorId: actor.userId, menteeZone }]);
      return { goal: achieved, effects };
    });
  }

  /** The reflection is the mentee's, on a goal they achieved. */
  async forReflection(actor: Actor, goalId: unknown): Promise<GoalView> {
    const { goal, pair, role } = await goalOfMember(this.db, actor, goalId);
    checkReflection(goal, role);
    return viewOf(this.db, goal, pair);
  }

  /**
   * Saves the one-line reflection; the approval message shows it. `prompt` (from the modal's
   * metadata, a claim) loses its button only when it is in the mentee's own DM with the bot.
   */
  async reflect(actor: Actor, goalId: unknown, reflection: string, prompt: MessageLocation | null): Promise<WithEffects<{ goal: GoalView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair, role } = await goalOfMember(tx, actor, goalId, { lock: true });
      checkReflection(goal, role);
      const reflected = await viewOf(tx, await updateGoal(tx, goal.id, { reflection }), pair);
      const dm = (await findPerson(tx, actor.teamId, actor.userId))?.dm_channel_id ?? null;
      const own = prompt && dm && prompt.channelId === dm ? prompt : null;
      const effects = await this.effects.record(tx, actor.teamId, [{ type: 'goal_reflected', goal: reflected, prompt: own }]);
      return { goal: reflected, effects };
    });
  }
}

function checkReflection(goal: Goal, role: 'mentor' | 'mentee'): void {
  if (role !== 'mentee') throw new DomainError('forbidden', 'The reflection on an achieved goal is the mentee’s to write.');
  if (goal.status !== 'achieved') throw new DomainError('conflict', 'A reflection is written once the goal is achieved.');
}
