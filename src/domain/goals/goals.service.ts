import type { Kysely } from 'kysely';
import type { Database, Goal, GoalStatus, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { readGoalOverview } from './goal-overview.repository';
import { pairOfMember } from '../pairs/access';
import { asChoice } from '../pairs/pair-choices';
import type { FieldErrors } from '../pairs/pair-rules';
import { localDateIn } from '../time/zoned';
import type { GoalEvent, GoalShared } from './events';
import { goalOfMember, viewOf } from './goal-access';
import { newItems, substanceOfGoal, syncItems } from './goal-items';
import {
  ACTIVE_STATUSES,
  beforeAddingAdvice,
  closedRefusal,
  editOutcome,
  type EditOutcome,
  type GoalDraft,
  type GoalField,
  ACHIEVED_LISTED_PER_PAIR,
  GOALS_LISTED_PER_PAIR,
  habitAdvice,
  SHARED_STATUSES,
  shareRefusal,
  substanceChanged,
  substanceOfDraft,
  validateGoalDraft,
} from './goal-rules';
import { type GoalView, goalViewOf, itemsOf, type MessageLocation, type PairGoalsView, shareLocationOf } from './goal-view';
import { goalStatusCounts, insertGoal, insertItems, listItems, type ProgressItem, updateGoal } from './goals.repository';

/** What the goal modal needs: the pair, today there, its planned end, and the goal when editing. */
export interface GoalForm {
  pairId: string;
  today: string;
  plannedEnd: string;
  /** A gentle note, e.g. about having five goals already. */
  advice: string | null;
  goal?: GoalView;
}

/** A new goal (for a pair) or an edit (of a goal): both are claims the service checks. */
export type SaveTarget = { pairId: string } | { goalId: string };

/** What became of "share it now" in the goal form: shared, or why not (the goal is saved either way). */
export type ShareNow = { shared: true } | { shared: false; reason: string };

export type SaveGoalResult =
  WithEffects<{ ok: true; goal: GoalView; channel: EditOutcome['channel']; shareNow: ShareNow | null }> | { ok: false; errors: FieldErrors<GoalField> };

/** `items`: the goal's key results and milestones when the save knows them (a new goal's), null when they must be read. */
type Saved =
  { ok: true; before: Goal | null; goal: Goal; items: ProgressItem[] | null; pair: Pair; outcome: EditOutcome } | { ok: false; errors: FieldErrors<GoalField> };

const refuse = (refusal: DomainError | null): void => {
  if (refusal) throw refusal;
};

/** Drafting, editing, sharing and dropping goals; listing them for either person of the pair. */
export class GoalsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  async overviewFor(actor: Actor): Promise<PairGoalsView[]> {
    const { pairs, active, counts, achieved, items, swotPairIds, names } = await readGoalOverview(this.db, actor.teamId, actor.userId, {
      goalsPerPair: GOALS_LISTED_PER_PAIR,
      achievedPerPair: ACHIEVED_LISTED_PER_PAIR,
    });
    const swots = new Set(swotPairIds);
    return pairs.map((pair) => {
      const count = countOf(counts, pair.id);
      const { role, otherId } = asChoice(pair, actor.userId);
      return {
        pairId: pair.id,
        role,
        otherId,
        otherName: names[otherId] ?? (role === 'mentor' ? 'your mentee' : 'your mentor'),
        mentorId: pair.mentor_id,
        active: active.filter((goal) => goal.pair_id === pair.id).map((goal) => goalViewOf(goal, pair, itemsOf(items, goal.id))),
        activeTotal: count(ACTIVE_STATUSES),
        achieved: count(['achieved']),
        achievedGoals: achieved.filter((goal) => goal.pair_id === pair.id).map((goal) => ({ title: goal.title, achievedAt: goal.achieved_at })),
        dropped: count(['dropped']),
        advice: habitAdvice(this.habitFacts(pair, count)),
        hasSwot: swots.has(pair.id),
      };
    });
  }

  /** The add-goal modal: the pair (membership checked), today there, and a gentle note. */
  async formContext(actor: Actor, pairId: unknown): Promise<GoalForm> {
    const { pair } = await pairOfMember(this.db, actor, pairId);
    const advice = beforeAddingAdvice(countOf(await goalStatusCounts(this.db, [pair.id]), pair.id)(ACTIVE_STATUSES));
    return { pairId: pair.id, today: this.today(pair), plannedEnd: pair.planned_end_on, advice };
  }

  async forEdit(actor: Actor, goalId: unknown): Promise<GoalForm & { goal: GoalView }> {
    const { goal, pair } = await goalOfMember(this.db, actor, goalId);
    refuse(closedRefusal(goal.status));
    return { pairId: pair.id, today: this.today(pair), plannedEnd: pair.planned_end_on, advice: null, goal: await viewOf(this.db, goal, pair) };
  }

  /**
   * Saves the goal form, a new goal or an edit, and shares it when asked, in one transaction. A
   * change of substance to an approved goal sends it back for approval (a new message for the
   * mentor); to a goal awaiting approval, it makes the approval message show the new version.
   * Progress is kept. A share that cannot happen leaves the goal saved and says why.
   */
  async save(actor: Actor, target: SaveTarget, draft: GoalDraft, options: { shareNow?: boolean } = {}): Promise<SaveGoalResult> {
    return this.db.transaction().execute(async (tx) => {
      const saved = 'goalId' in target ? await this.edit(tx, actor, target.goalId, draft) : await this.add(tx, actor, target.pairId, draft);
      if (!saved.ok) return saved;
      const { pair, outcome, items } = saved;
      const view = (goal: Goal): Promise<GoalView> => (items ? Promise.resolve(goalViewOf(goal, pair, items)) : viewOf(tx, goal, pair));
      const previous = saved.before ? shareLocationOf(saved.before) : null;
      let event: GoalEvent | null = null;
      let shareNow: ShareNow | null = null;
      if (outcome.channel === 'repost') event = { type: 'goal_shared', goal: await view(saved.goal), intro: 'again', previous };
      else if (options.shareNow) {
        const refusal = shareRefusal(saved.goal, this.today(pair));
        shareNow = refusal ? { shared: false, reason: refusal.message } : { shared: true };
        if (!refusal) event = await markShared(tx, saved.goal, view);
      }
      if (!event && (!saved.before || outcome.bumpVersion)) {
        event = { type: 'goal_saved', goal: await view(saved.goal), refreshApproval: outcome.channel === 'refresh' };
      }
      const effects = await this.effects.record(tx, actor.teamId, event ? [event] : []);
      return { ok: true as const, goal: event?.goal ?? (await view(saved.goal)), channel: outcome.channel, shareNow, effects };
    });
  }

  /** Shares the goal for the mentor's approval: the message in the goals channel is an event of the commit. */
  async share(actor: Actor, goalId: unknown): Promise<WithEffects<{ goal: GoalView; previous: MessageLocation | null }>> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await goalOfMember(tx, actor, goalId, { lock: true });
      refuse(shareRefusal(goal, this.today(pair)));
      const shared = await markShared(tx, goal, (updated) => viewOf(tx, updated, pair));
      const effects = await this.effects.record(tx, actor.teamId, [shared]);
      return { goal: shared.goal, previous: shared.previous, effects };
    });
  }

  /** Either person may drop a goal that is still being worked on; its approval message says so. */
  async drop(actor: Actor, goalId: unknown): Promise<WithEffects<{ goal: GoalView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await goalOfMember(tx, actor, goalId, { lock: true });
      refuse(closedRefusal(goal.status));
      const dropped = await viewOf(tx, await updateGoal(tx, goal.id, { status: 'dropped', version: goal.version + 1 }), pair);
      const effects = await this.effects.record(tx, actor.teamId, [{ type: 'goal_dropped', goal: dropped }]);
      return { goal: dropped, effects };
    });
  }

  private async add(tx: Tx, actor: Actor, pairId: string, draft: GoalDraft): Promise<Saved> {
    const { pair } = await pairOfMember(tx, actor, pairId);
    const errors = validateGoalDraft(draft, { today: this.today(pair), plannedEnd: pair.planned_end_on });
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const goal = await insertGoal(tx, {
      ...goalFields(draft),
      team_id: actor.teamId,
      pair_id: pair.id,
      approved_by: null,
      approved_at: null,
      changes_comment: null,
      share_channel_id: null,
      share_message_ts: null,
      achieved_at: null,
      reflection: null,
      created_by: actor.userId,
    });
    const items = await insertItems(tx, newItems(goal, draft));
    return { ok: true, before: null, goal, items, pair, outcome: { status: goal.status, bumpVersion: false, channel: 'none', clearApproval: false } };
  }

  private async edit(tx: Tx, actor: Actor, goalId: string, draft: GoalDraft): Promise<Saved> {
    const { goal, pair } = await goalOfMember(tx, actor, goalId, { lock: true });
    refuse(closedRefusal(goal.status));
    const errors = validateGoalDraft(draft, { today: this.today(pair), plannedEnd: pair.planned_end_on });
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const items = await listItems(tx, [goal.id]);
    const outcome = editOutcome(goal.status, substanceChanged(substanceOfGoal(goal, items), substanceOfDraft(draft)));
    if (!outcome.bumpVersion) return { ok: true, before: goal, goal, items, pair, outcome };
    const updated = await updateGoal(tx, goal.id, {
      ...goalFields(draft),
      status: outcome.status,
      version: goal.version + 1,
      ...(outcome.clearApproval ? { approved_by: null, approved_at: null } : {}),
    });
    await syncItems(tx, updated, items, draft);
    return { ok: true, before: goal, goal: updated, items: null, pair, outcome };
  }

  private today(pair: Pair): string {
    return localDateIn(this.clock(), pair.time_zone);
  }

  private habitFacts(pair: Pair, count: (statuses: readonly GoalStatus[]) => number) {
    return {
      activeCount: count(ACTIVE_STATUSES),
      sharedCount: count(SHARED_STATUSES),
      startedOn: pair.started_on,
      today: this.today(pair),
    };
  }
}

const goalFields = (draft: GoalDraft) => ({
  title: draft.title.trim(),
  specific: draft.specific,
  measurable: draft.measurable,
  achievable: draft.achievable,
  relevant: draft.relevant,
  objective: draft.objective,
  target_date: draft.targetDate,
});

/** The goal goes to the mentor: awaiting approval, a new version, the old comment cleared. */
async function markShared(tx: Tx, goal: Goal, view: (updated: Goal) => Promise<GoalView>): Promise<GoalShared> {
  const updated = await updateGoal(tx, goal.id, { status: 'awaiting_approval', version: goal.version + 1, changes_comment: null });
  return { type: 'goal_shared', goal: await view(updated), intro: 'new', previous: shareLocationOf(goal) };
}

/** How many of a pair's goals are in any of these statuses, from the per-status counts. */
function countOf(counts: ReadonlyArray<{ pair_id: string; status: GoalStatus; n: number }>, pairId: string) {
  return (statuses: readonly GoalStatus[]): number =>
    counts.filter((c) => c.pair_id === pairId && statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
}
