import type { Db } from '../../../src/db/create-db';
import type { Pair } from '../../../src/db/schema';
import { GoalProgressService } from '../../../src/domain/goals/goal-progress.service';
import { goalReviewStoreOn } from '../../../src/domain/goals/goal-review.db-store';
import { GoalReviewService } from '../../../src/domain/goals/goal-review.service';
import type { GoalDraft } from '../../../src/domain/goals/goal-rules';
import { GoalsService } from '../../../src/domain/goals/goals.service';
import { recordGoalSharePosted } from '../../../src/domain/goals/share-posted';
import { SwotService } from '../../../src/domain/goals/swot.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import type { PickedUser } from '../../../src/domain/pairs/pair-rules';
import { DomainError } from '../../../src/errors';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { goalReviewSpec, REVIEW_NOW } from '../../support/specs/goal-review.spec';
import { createTestDb } from '../../support/test-db';

const now = REVIEW_NOW;
const clock = () => now;
const person = (userId: string): PickedUser => ({ userId, displayName: userId, timeZone: 'Europe/Berlin', isBot: false, deleted: false });
const draft = (title: string, extra: Partial<GoalDraft> = {}): GoalDraft => ({
  title,
  specific: 's',
  measurable: 'm',
  achievable: null,
  relevant: null,
  objective: null,
  targetDate: '2027-03-01',
  keyResults: [
    { title: 'Ship', target: 3, line: 1 },
    { title: 'Talk', target: null, line: 2 },
  ],
  milestones: [{ title: 'Draft', dueDate: '2027-01-15', line: 1 }],
  ...extra,
});

let db: Db;
let goals: GoalsService;
let reviews: GoalReviewService;
let progress: GoalProgressService;
let swot: SwotService;
let pair: Pair;
const T = 'T1';
const as = (userId: string, teamId = T) => ({ teamId, userId });
const mentee = as('UMENTEE');
const mentor = as('UMENTOR');
const claim = (goal: { id: string; version: number }, version = goal.version) => ({ goalId: goal.id, version, pressed: null });

beforeAll(async () => {
  db = await createTestDb();
  const effects = createEffectsRecorder(clock);
  goals = new GoalsService(db.kysely, clock, effects);
  reviews = new GoalReviewService(goalReviewStoreOn(db.kysely, effects), clock);
  progress = new GoalProgressService(db.kysely, clock, effects);
  swot = new SwotService(db.kysely, clock, effects);
  const pairs = new PairsService(db.kysely, clock, effects);
  const created = await pairs.create(
    {
      teamId: T,
      createdBy: 'UMENTOR',
      mentorId: 'UMENTOR',
      menteeId: 'UMENTEE',
      goalsChannelId: 'CGOALS',
      cadence: 'weekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: person('UMENTOR'), mentee: person('UMENTEE') },
  );
  if (!created.ok) throw new Error('pair');
  pair = created.pair;
  await pairs.create(
    {
      teamId: T,
      createdBy: 'UOTHER',
      mentorId: 'UOTHER',
      menteeId: 'USTRANGER',
      goalsChannelId: 'CGOALS',
      cadence: 'weekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: person('UOTHER'), mentee: person('USTRANGER') },
  );
});
afterAll(() => db.close());

async function created(title: string) {
  const saved = await goals.save(mentee, { pairId: pair.id }, draft(title));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.goal;
}

async function shared(title: string) {
  return (await goals.share(mentee, (await created(title)).id)).goal;
}

const code = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`),
  );

describe('approval on the database', () => {
  goalReviewSpec(async () => ({
    reviews,
    awaitingGoal: shared,
    stored: (goalId) => db.kysely.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst(),
  }));

  it('never leaves an approval standing on content the mentor was not shown, whichever of approve and edit runs first', async () => {
    const goal = await shared('Edit race');
    await Promise.all([reviews.approve(mentor, claim(goal)), goals.save(mentee, { goalId: goal.id }, draft('Edit race, changed'))]);
    const row = await db.kysely.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Edit race, changed');
    expect(row).toMatchObject({ status: 'awaiting_approval', approved_by: null });
  });

  it('keeps the newest approval message when two shares record out of order', async () => {
    const goal = await shared('Two messages');
    // What the notice dispatcher runs once each approval message is posted, in the transaction that marks it sent.
    const posted = (ts: string) =>
      db.kysely.transaction().execute((tx) => recordGoalSharePosted(tx, { goalId: goal.id }, { channelId: 'CGOALS', ts, followUpKey: `k:${ts}`, at: now }));
    await posted('1700000002.000100');
    await posted('1700000001.000900');
    const row = await db.kysely.selectFrom('goals').select('share_message_ts').where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row.share_message_ts).toBe('1700000002.000100');
  });

  it('hands back the goal as it is now when it changed after its approval message was rendered, and only then', async () => {
    const goal = await shared('Moved on');
    const posted = (ts: string, version: number) =>
      db.kysely
        .transaction()
        .execute((tx) => recordGoalSharePosted(tx, { goalId: goal.id, version }, { channelId: 'CGOALS', ts, followUpKey: `k:${ts}`, at: now }));
    expect(await posted('1700000001.000100', goal.version)).toBeUndefined();
    await goals.drop(mentee, goal.id);
    const movedOn = await posted('1700000002.000100', goal.version);
    expect(movedOn?.teamId).toBe('T1');
    expect(movedOn?.goal).toMatchObject({ id: goal.id, status: 'dropped', shareLocation: { channelId: 'CGOALS', ts: '1700000002.000100' } });
    // An older message than the one recorded is not the goal's message: nothing to catch up.
    expect(await posted('1700000000.000100', goal.version)).toBeUndefined();
  });
});

describe('membership', () => {
  it('refuses every change to a goal by someone outside its pair, whether the goal exists or not', async () => {
    const id = (await created('Members only')).id;
    for (const attempt of [
      goals.save(as('USTRANGER'), { pairId: pair.id }, draft('Intruder')),
      goals.save(as('USTRANGER'), { goalId: id }, draft('Intruder')),
      goals.share(as('UOTHER'), id),
      goals.drop(as('USTRANGER'), id),
      goals.forEdit(as('USTRANGER'), id),
      goals.forEdit(as('UMENTEE', 'T2'), id),
      progress.updateProgress(as('USTRANGER'), id, { shownItemIds: [], values: {}, doneItemIds: [] }),
      progress.achieve(as('UOTHER'), id),
      swot.forMember(as('USTRANGER'), pair.id),
      goals.share(mentee, '00000000-0000-4000-8000-000000000000'),
      goals.share(mentee, 'not-a-uuid'),
    ]) {
      expect(await code(attempt)).toBe('not_in_pair');
    }
    expect(await code(swot.save(mentor, pair.id, { strengths: 'x', weaknesses: null, opportunities: null, threats: null }))).toBe('forbidden');
  });
});

describe('progress, achievement and reflection', () => {
  it('changes only the items the modal showed, of this goal, and records who and when for those that changed', async () => {
    const goal = await created('Progress');
    const other = await created('Other goal');
    const [ship, talk, milestone] = goal.items;
    const foreign = other.items[1]!;
    const result = await progress.updateProgress(mentor, goal.id, {
      shownItemIds: [ship!.id, talk!.id, foreign.id],
      values: { [ship!.id]: 3 },
      doneItemIds: [foreign.id],
    });
    expect(result.changed).toBe(1);
    const shipAfter = result.goal.items.find((item) => item.id === ship!.id)!;
    expect(shipAfter).toMatchObject({ current: 3, done: true, updatedBy: 'UMENTOR' });
    expect(shipAfter.updatedAt.toISOString()).toBe(now.toISOString());
    expect(result.goal.items.find((item) => item.id === milestone!.id)).toMatchObject({ done: false, updatedBy: null });
    const foreignAfter = await db.kysely.selectFrom('goal_progress_items').selectAll().where('id', '=', foreign.id).executeTakeFirstOrThrow();
    expect(foreignAfter).toMatchObject({ done: false, updated_by: null });
  });

  it('marks only approved goals achieved, once, and takes a reflection from the mentee only', async () => {
    const goal = await shared('Achieve');
    expect(await code(progress.achieve(mentee, goal.id))).toBe('conflict');
    await reviews.approve(mentor, claim(goal));
    expect(await code(progress.reflect(mentee, goal.id, 'too early', null))).toBe('conflict');
    const achieved = await progress.achieve(mentor, goal.id);
    expect(achieved.goal).toMatchObject({ status: 'achieved' });
    expect(achieved.goal.achievedAt?.toISOString()).toBe(now.toISOString());
    expect(await code(progress.achieve(mentee, goal.id))).toBe('conflict');
    expect(await code(progress.reflect(mentor, goal.id, 'mine', null))).toBe('forbidden');
    expect((await progress.reflect(mentee, goal.id, 'Asked early', null)).goal.reflection).toBe('Asked early');
    expect(await code(goals.save(mentee, { goalId: goal.id }, draft('Too late to edit')))).toBe('conflict');
  });

  it('refuses to share a goal whose target date has passed', async () => {
    const goal = await created('Old');
    await db.kysely.updateTable('goals').set({ target_date: '2026-11-23' }).where('id', '=', goal.id).execute();
    expect(await code(goals.share(mentee, goal.id))).toBe('invalid_input');
  });
});
