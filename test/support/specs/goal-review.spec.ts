import type { Goal } from '../../../src/db/schema';
import type { GoalReviewService } from '../../../src/domain/goals/goal-review.service';

/** What the shared review spec needs: the service, and goals awaiting approval in pair UMENTOR/UMENTEE (UOTHER/USTRANGER is another pair). */
export interface GoalReviewScene {
  reviews: GoalReviewService;
  awaitingGoal(title: string): Promise<{ id: string; version: number }>;
  stored(goalId: string): Promise<Goal | undefined>;
}

export const REVIEW_NOW = new Date('2026-11-23T12:00:00Z');
const as = (userId: string) => ({ teamId: 'T1', userId });
const mentor = as('UMENTOR');
const claim = (goal: { id: string; version: number }, version = goal.version) => ({ goalId: goal.id, version, pressed: null });

/**
 * Only the pair's mentor approves a goal or asks for changes, and only the version they were shown.
 * Written once, run in memory (test/unit) and on the database (test/integration).
 */
export function goalReviewSpec(makeScene: () => Promise<GoalReviewScene>): void {
  let scene: GoalReviewScene;
  beforeAll(async () => {
    scene = await makeScene();
  });

  it('approves exactly once when two approvals race', async () => {
    const goal = await scene.awaitingGoal('Race');
    const outcomes = await Promise.all([scene.reviews.approve(mentor, claim(goal)), scene.reviews.approve(mentor, claim(goal))]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['done', 'stale']);
    expect(await scene.stored(goal.id)).toMatchObject({ status: 'approved', version: goal.version + 1, approved_by: 'UMENTOR', approved_at: REVIEW_NOW });
  });

  it('sends the goal back with the mentor’s comment, as a new version', async () => {
    const goal = await scene.awaitingGoal('Needs work');
    const outcome = await scene.reviews.requestChanges(mentor, claim(goal), 'Make it measurable');
    expect(outcome).toMatchObject({ kind: 'done', goal: { status: 'changes_requested', changesComment: 'Make it measurable', version: goal.version + 1 } });
    expect(await scene.stored(goal.id)).toMatchObject({ status: 'changes_requested', changes_comment: 'Make it measurable', approved_by: null });
  });

  it('refuses the mentee, a stranger and the mentor of another pair, changing nothing', async () => {
    const goal = await scene.awaitingGoal('Refusals');
    for (const userId of ['UMENTEE', 'USTRANGER', 'UOTHER', 'UNOBODY']) {
      await expect(scene.reviews.approve(as(userId), claim(goal))).rejects.toMatchObject({
        code: expect.stringMatching(/^(forbidden|not_in_pair)$/),
        message: 'Only <@UMENTOR> can approve this goal or request changes to it.',
      });
      await expect(scene.reviews.requestChanges(as(userId), claim(goal), 'no')).rejects.toMatchObject({
        message: "Only the pair's mentor can request changes to this goal.",
      });
    }
    expect(await scene.stored(goal.id)).toMatchObject({ status: 'awaiting_approval', version: goal.version, changes_comment: null });
  });

  it('treats an outdated version, or a goal no longer awaiting approval, as stale, and an unknown goal as missing', async () => {
    const goal = await scene.awaitingGoal('Stale');
    expect((await scene.reviews.approve(mentor, claim(goal, goal.version - 1))).kind).toBe('stale');
    expect((await scene.reviews.requestChanges(mentor, claim(goal), 'More detail')).kind).toBe('done');
    expect((await scene.reviews.approve(mentor, claim(goal, goal.version + 1))).kind).toBe('stale');
    expect(await scene.stored(goal.id)).toMatchObject({ status: 'changes_requested', approved_by: null });
    await expect(scene.reviews.approve(mentor, claim({ id: '00000000-0000-4000-8000-000000000000', version: 1 }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'That goal no longer exists.',
    });
    await expect(scene.reviews.approve(mentor, claim({ id: 'not-a-goal', version: 1 }))).rejects.toMatchObject({ code: 'not_found' });
  });
}
