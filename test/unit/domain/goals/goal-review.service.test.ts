import { GoalReviewService } from '../../../../src/domain/goals/goal-review.service';
import { memoryGoalReviewStore } from '../../../support/memory/goal-review-store';
import { MemoryWorld } from '../../../support/memory/world';
import { goalReviewSpec, REVIEW_NOW } from '../../../support/specs/goal-review.spec';

const clock = () => new Date(REVIEW_NOW);
const mentor = { teamId: 'T1', userId: 'UMENTOR' };

function world(): { world: MemoryWorld; reviews: GoalReviewService; pairId: string } {
  const memory = new MemoryWorld();
  memory.person('UMENTOR', 'Europe/Lisbon');
  memory.person('UMENTEE', 'America/Chicago');
  const pairId = memory.pair('UMENTOR', 'UMENTEE').id;
  memory.pair('UOTHER', 'USTRANGER');
  return { world: memory, reviews: new GoalReviewService(memoryGoalReviewStore(memory), clock), pairId };
}

describe('GoalReviewService in memory', () => {
  goalReviewSpec(async () => {
    const { world: memory, reviews, pairId } = world();
    return {
      reviews,
      awaitingGoal: async (title) => ({ ...memory.goal(pairId, title) }),
      stored: async (goalId) => memory.tables.goals.find((row) => row.id === goalId),
    };
  });
});

describe('what a review tells the mentee, and which message it redraws', () => {
  it('tells the mentee of an approval in the mentee’s zone', async () => {
    const { world: memory, reviews, pairId } = world();
    const goal = memory.goal(pairId, 'Talk');
    await reviews.approve(mentor, { goalId: goal.id, version: goal.version, pressed: null });
    expect(memory.eventsOfType('goal_approved')).toEqual([
      expect.objectContaining({ menteeZone: 'America/Chicago', goal: expect.objectContaining({ status: 'approved' }) }),
    ]);
  });

  it('hands the comment to the mentee when changes are requested', async () => {
    const { world: memory, reviews, pairId } = world();
    const goal = memory.goal(pairId, 'Talk');
    await reviews.requestChanges(mentor, { goalId: goal.id, version: goal.version, pressed: null }, 'Which guild?');
    expect(memory.eventsOfType('goal_changes_requested')[0]!.goal.changesComment).toBe('Which guild?');
  });

  it('redraws a stale message only when it is in the pair’s goals channel or where the goal was shared', async () => {
    const { world: memory, reviews, pairId } = world();
    const goal = memory.goal(pairId, 'Talk', { status: 'approved', share_channel_id: 'CSHARED' });
    for (const channelId of ['CGOALS', 'CSHARED', 'CELSEWHERE']) {
      await reviews.approve(mentor, { goalId: goal.id, version: goal.version, pressed: { channelId, ts: '1.1' } });
    }
    expect(memory.eventsOfType('goal_review_stale').map((event) => event.pressed?.channelId ?? null)).toEqual(['CGOALS', 'CSHARED', null]);
  });

  it('records no event and changes nothing for a refused review', async () => {
    const { world: memory, reviews, pairId } = world();
    const goal = memory.goal(pairId, 'Talk');
    const before = structuredClone(memory.tables);
    await expect(reviews.approve({ teamId: 'T1', userId: 'UMENTEE' }, { goalId: goal.id, version: goal.version, pressed: null })).rejects.toThrow();
    expect(memory.tables).toEqual(before);
  });
});
