import type { Kysely } from 'kysely';
import type { Database, Goal, GoalStatus, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import { asChoice } from '../pairs/pair-choices';
import type { FieldErrors } from '../pairs/pair-rules';
import { listPairsOf } from '../pairs/pairs.repository';
import { localDateIn } from '../time/zoned';
import { type GoalDetails, goalForMember, itemsOf, lockedGoalForMember, pairForMember, withItems } from './goal-access';
import { newItems, substanceOfGoal, syncItems } from './goal-items';
import {
  ACTIVE_STATUSES,
  beforeAddingAdvice,
  canShare,
  editOutcome,
  type EditOutcome,
  type GoalDraft,
  type GoalField,
  GOALS_LISTED_PER_PAIR,
  habitAdvice,
  isActive,
  SHARED_STATUSES,
  substanceChanged,
  substanceOfDraft,
  validateGoalDraft,
} from './goal-rules';
import { activeGoalsOfPairs, goalStatusCounts, insertGoal, insertItems, listItems, type ProgressItem, saveShareMessage, updateGoal } from './goals.repository';
import { pairsWithSwot } from './swot.repository';

/** One pair's goals as one of its members sees them. */
export interface PairGoals {
  pair: Pair;
  role: 'mentor' | 'mentee';
  otherId: string;
  /** Goals still being worked on, soonest target first (at most GOALS_LISTED_PER_PAIR of them). */
  active: { goal: Goal; items: ProgressItem[] }[];
  /** All the goals on the go, listed or not. */
  activeTotal: number;
  achieved: number;
  dropped: number;
  advice: string[];
  hasSwot: boolean;
}

export type SaveGoalResult =
  | { ok: true; details: GoalDetails; channel: EditOutcome['channel']; previousShare: ShareLocation | null }
  | { ok: false; errors: FieldErrors<GoalField> };

export interface ShareLocation {
  channelId: string;
  ts: string;
}

const shareLocation = (goal: Goal): ShareLocation | null =>
  goal.share_channel_id && goal.share_message_ts ? { channelId: goal.share_channel_id, ts: goal.share_message_ts } : null;

const STATUS_WORDS: Record<Goal['status'], string> = {
  draft: 'a draft',
  awaiting_approval: 'awaiting approval',
  changes_requested: 'waiting for changes',
  approved: 'already approved',
  achieved: 'already achieved',
  dropped: 'dropped',
};

/** Drafting, editing, sharing and dropping goals; listing them for either person of the pair. */
export class GoalsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async overviewFor(teamId: string, userId: string): Promise<PairGoals[]> {
    const pairs = await listPairsOf(this.db, teamId, userId);
    const pairIds = pairs.map((pair) => pair.id);
    const active = await activeGoalsOfPairs(this.db, teamId, pairIds, GOALS_LISTED_PER_PAIR);
    const counts = await goalStatusCounts(this.db, pairIds);
    const items = await listItems(this.db, active.map((goal) => goal.id));
    const swots = await pairsWithSwot(this.db, teamId, pairIds);
    return pairs.map((pair) => {
      const count = countOf(counts, pair.id);
      const choice = asChoice(pair, userId);
      return {
        pair,
        role: choice.role,
        otherId: choice.otherId,
        active: active.filter((goal) => goal.pair_id === pair.id).map((goal) => ({ goal, items: itemsOf(items, goal.id) })),
        activeTotal: count(ACTIVE_STATUSES),
        achieved: count(['achieved']),
        dropped: count(['dropped']),
        advice: habitAdvice(this.habitFacts(pair, count)),
        hasSwot: swots.has(pair.id),
      };
    });
  }

  /** What the add-goal modal needs: the pair (membership checked), today there, and a gentle note. */
  async formContext(teamId: string, pairId: string, userId: string): Promise<{ pair: Pair; today: string; advice: string | null }> {
    const pair = await pairForMember(this.db, teamId, pairId, userId);
    const activeCount = countOf(await goalStatusCounts(this.db, [pair.id]), pair.id)(ACTIVE_STATUSES);
    return { pair, today: this.today(pair), advice: beforeAddingAdvice(activeCount) };
  }

  async forEdit(teamId: string, goalId: string, userId: string): Promise<GoalDetails & { today: string }> {
    const found = await goalForMember(this.db, teamId, goalId, userId);
    if (!isActive(found.goal.status)) throw closed(found.goal);
    return { ...(await withItems(this.db, found)), today: this.today(found.pair) };
  }

  async create(teamId: string, pairId: string, userId: string, draft: GoalDraft): Promise<SaveGoalResult> {
    const pair = await pairForMember(this.db, teamId, pairId, userId);
    const errors = validateGoalDraft(draft, { today: this.today(pair), plannedEnd: pair.planned_end_on });
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const details = await this.db.transaction().execute(async (tx) => {
      const goal = await insertGoal(tx, {
        team_id: teamId,
        pair_id: pair.id,
        title: draft.title.trim(),
        specific: draft.specific,
        measurable: draft.measurable,
        achievable: draft.achievable,
        relevant: draft.relevant,
        objective: draft.objective,
        target_date: draft.targetDate,
        approved_by: null,
        approved_at: null,
        changes_comment: null,
        share_channel_id: null,
        share_message_ts: null,
        achieved_at: null,
        reflection: null,
        created_by: userId,
      });
      await insertItems(tx, newItems(goal, draft));
      return withItems(tx, { goal, pair });
    });
    return { ok: true, details, channel: 'none', previousShare: null };
  }

  /**
   * Saves an edit. A change of substance to an approved goal sends it back for approval; to a goal
   * awaiting approval, it makes the approval message show the new version. Progress is kept.
   */
  async update(teamId: string, goalId: string, userId: string, draft: GoalDraft): Promise<SaveGoalResult> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      if (!isActive(goal.status)) throw closed(goal);
      const errors = validateGoalDraft(draft, { today: this.today(pair), plannedEnd: pair.planned_end_on });
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      const items = await listItems(tx, [goal.id]);
      const outcome = editOutcome(goal.status, substanceChanged(substanceOfGoal(goal, items), substanceOfDraft(draft)));
      if (!outcome.bumpVersion) return { ok: true as const, details: { goal, pair, items }, channel: outcome.channel, previousShare: shareLocation(goal) };
      const updated = await updateGoal(tx, goal.id, {
        title: draft.title.trim(),
        specific: draft.specific,
        measurable: draft.measurable,
        achievable: draft.achievable,
        relevant: draft.relevant,
        objective: draft.objective,
        target_date: draft.targetDate,
        status: outcome.status,
        version: goal.version + 1,
        ...(outcome.clearApproval ? { approved_by: null, approved_at: null } : {}),
      });
      await syncItems(tx, updated, items, draft);
      return { ok: true as const, details: await withItems(tx, { goal: updated, pair }), channel: outcome.channel, previousShare: shareLocation(goal) };
    });
  }

  /** Marks the goal as awaiting the mentor's approval; the caller posts the message and records it. */
  async share(teamId: string, goalId: string, userId: string): Promise<{ details: GoalDetails; previousShare: ShareLocation | null }> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      if (!canShare(goal.status)) throw new DomainError('conflict', `“${goal.title}” is ${STATUS_WORDS[goal.status]}; there is nothing to share.`);
      if (goal.target_date <= this.today(pair)) {
        throw new DomainError('invalid_input', `The target date of “${goal.title}” has passed. Edit the goal to pick a new one, then share it.`);
      }
      const updated = await updateGoal(tx, goal.id, { status: 'awaiting_approval', version: goal.version + 1, changes_comment: null });
      return { details: await withItems(tx, { goal: updated, pair }), previousShare: shareLocation(goal) };
    });
  }

  recordShareMessage(goalId: string, location: ShareLocation): Promise<void> {
    return saveShareMessage(this.db, goalId, location.channelId, location.ts);
  }

  /** Either person may drop a goal that is still being worked on. */
  async drop(teamId: string, goalId: string, userId: string): Promise<GoalDetails> {
    return this.db.transaction().execute(async (tx) => {
      const { goal, pair } = await lockedGoalForMember(tx, teamId, goalId, userId);
      if (!isActive(goal.status)) throw closed(goal);
      const updated = await updateGoal(tx, goal.id, { status: 'dropped', version: goal.version + 1 });
      return withItems(tx, { goal: updated, pair });
    });
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

/** How many of a pair's goals are in any of these statuses, from the per-status counts. */
function countOf(counts: ReadonlyArray<{ pair_id: string; status: GoalStatus; n: number }>, pairId: string) {
  return (statuses: readonly GoalStatus[]): number => counts.filter((c) => c.pair_id === pairId && statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
}

function closed(goal: Goal): DomainError {
  return new DomainError('conflict', `“${goal.title}” is ${STATUS_WORDS[goal.status]}; it can no longer be changed.`, 'title');
}
