import type { Db } from '../../../src/db/create-db';
import type { Pair } from '../../../src/db/schema';
import { GoalProgressService } from '../../../src/domain/goals/goal-progress.service';
import { GoalReviewService } from '../../../src/domain/goals/goal-review.service';
import type { GoalDraft } from '../../../src/domain/goals/goal-rules';
import { GoalsService } from '../../../src/domain/goals/goals.service';
import { SwotService } from '../../../src/domain/goals/swot.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import type { PickedUser } from '../../../src/domain/pairs/pair-rules';
import { DomainError } from '../../../src/errors';
import { createTestDb } from '../../support/test-db';

const now = new Date('2026-11-23T12:00:00Z');
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

beforeAll(async () => {
  db = await createTestDb();
  goals = new GoalsService(db.kysely, clock);
  reviews = new GoalReviewService(db.kysely, clock);
  progress = new GoalProgressService(db.kysely, clock);
  swot = new SwotService(db.kysely, clock);
  const pairs = new PairsService(db.kysely, clock, createEffectsRecorder(clock));
  const created = await pairs.create(
    { teamId: T, createdBy: 'UMENTOR', mentorId: 'UMENTOR', menteeId: 'UMENTEE', goalsChannelId: 'CGOALS', cadence: 'weekly', firstDate: '2026-12-01', firstTime: '10:00', timeZone: 'Europe/Berlin', meetingMinutes: 45, programMonths: 6 },
    { mentor: person('UMENTOR'), mentee: person('UMENTEE') },
  );
  if (!created.ok) throw new Error('pair');
  pair = created.pair;
  await pairs.create(
    { teamId: T, createdBy: 'UOTHER', mentorId: 'UOTHER', menteeId: 'USTRANGER', goalsChannelId: 'CGOALS', cadence: 'weekly', firstDate: '2026-12-01', firstTime: '10:00', timeZone: 'Europe/Berlin', meetingMinutes: 45, programMonths: 6 },
    { mentor: person('UOTHER'), mentee: person('USTRANGER') },
  );
});
afterAll(() => db.close());

async function shared(title: string) {
  const created = await goals.create(T, pair.id, 'UMENTEE', draft(title));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return (await goals.share(T, created.details.goal.id, 'UMENTEE')).details.goal;
}

const code = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`),
  );

describe('approval', () => {
  it('approves exactly once when two approvals race', async () => {
    const goal = await shared('Race');
    const outcomes = await Promise.all([reviews.approve(T, goal.id, goal.version, 'UMENTOR'), reviews.approve(T, goal.id, goal.version, 'UMENTOR')]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['done', 'stale']);
    const row = await db.kysely.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'approved', version: goal.version + 1, approved_by: 'UMENTOR' });
  });

  it('never leaves an approval standing on content the mentor was not shown, whichever of approve and edit runs first', async () => {
    const goal = await shared('Edit race');
    await Promise.all([reviews.approve(T, goal.id, goal.version, 'UMENTOR'), goals.update(T, goal.id, 'UMENTEE', draft('Edit race, changed'))]);
    const row = await db.kysely.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Edit race, changed');
    expect(row).toMatchObject({ status: 'awaiting_approval', approved_by: null });
  });

  it('refuses the mentee, a stranger and the mentor of another pair, changing nothing', async () => {
    const goal = await shared('Refusals');
    for (const userId of ['UMENTEE', 'USTRANGER', 'UOTHER', 'UNOBODY']) {
      expect(await reviews.approve(T, goal.id, goal.version, userId)).toEqual({ kind: 'forbidden', mentorId: 'UMENTOR' });
      expect((await reviews.requestChanges(T, goal.id, goal.version, userId, 'no')).kind).toBe('forbidden');
    }
    const row = await db.kysely.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'awaiting_approval', version: goal.version, changes_comment: null });
  });

  it('treats an outdated version, or a goal no longer awaiting approval, as stale, and an unknown goal as missing', async () => {
    const goal = await shared('Stale');
    expect((await reviews.approve(T, goal.id, goal.version - 1, 'UMENTOR')).kind).toBe('stale');
    expect((await reviews.requestChanges(T, goal.id, goal.version, 'UMENTOR', 'More detail')).kind).toBe('done');
    expect((await reviews.approve(T, goal.id, goal.version + 1, 'UMENTOR')).kind).toBe('stale');
    expect((await reviews.approve(T, '00000000-0000-4000-8000-000000000000', 1, 'UMENTOR')).kind).toBe('missing');
  });

  it('keeps the newest approval message when two shares record out of order', async () => {
    const goal = await shared('Two messages');
    await goals.recordShareMessage(goal.id, { channelId: 'CGOALS', ts: '1700000002.000100' });
    await goals.recordShareMessage(goal.id, { channelId: 'CGOALS', ts: '1700000001.000900' });
    const row = await db.kysely.selectFrom('goals').select('share_message_ts').where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row.share_message_ts).toBe('1700000002.000100');
  });
});

describe('membership', () => {
  it('refuses every change to a goal by someone outside its pair, whether the goal exists or not', async () => {
    const created = await goals.create(T, pair.id, 'UMENTEE', draft('Members only'));
    if (!created.ok) throw new Error('create');
    const id = created.details.goal.id;
    for (const attempt of [
      goals.create(T, pair.id, 'USTRANGER', draft('Intruder')),
      goals.update(T, id, 'USTRANGER', draft('Intruder')),
      goals.share(T, id, 'UOTHER'),
      goals.drop(T, id, 'USTRANGER'),
      goals.forEdit(T, id, 'USTRANGER'),
      goals.forEdit('T2', id, 'UMENTEE'),
      progress.updateProgress(T, id, 'USTRANGER', { shownItemIds: [], values: {}, doneItemIds: [] }),
      progress.achieve(T, id, 'UOTHER'),
      swot.forMember(T, pair.id, 'USTRANGER'),
      goals.share(T, '00000000-0000-4000-8000-000000000000', 'UMENTEE'),
    ]) {
      expect(await code(attempt)).toBe('not_in_pair');
    }
    expect(await code(swot.save(T, pair.id, 'UMENTOR', { strengths: 'x', weaknesses: null, opportunities: null, threats: null }))).toBe('forbidden');
  });
});

describe('progress, achievement and reflection', () => {
  it('changes only the items the modal showed, of this goal, and records who and when for those that changed', async () => {
    const created = await goals.create(T, pair.id, 'UMENTEE', draft('Progress'));
    const other = await goals.create(T, pair.id, 'UMENTEE', draft('Other goal'));
    if (!created.ok || !other.ok) throw new Error('create');
    const [ship, talk, milestone] = created.details.items;
    const foreign = other.details.items[1]!;
    const result = await progress.updateProgress(T, created.details.goal.id, 'UMENTOR', {
      shownItemIds: [ship!.id, talk!.id, foreign.id],
      values: { [ship!.id]: 3 },
      doneItemIds: [foreign.id],
    });
    expect(result.changed).toBe(1);
    const shipAfter = result.details.items.find((item) => item.id === ship!.id)!;
    expect(shipAfter).toMatchObject({ current_value: 3, done: true, updated_by: 'UMENTOR' });
    expect(shipAfter.updated_at.toISOString()).toBe(now.toISOString());
    expect(result.details.items.find((item) => item.id === milestone!.id)).toMatchObject({ done: false, updated_by: null });
    const foreignAfter = await db.kysely.selectFrom('goal_progress_items').selectAll().where('id', '=', foreign.id).executeTakeFirstOrThrow();
    expect(foreignAfter).toMatchObject({ done: false, updated_by: null });
  });

  it('marks only approved goals achieved, once, and takes a reflection from the mentee only', async () => {
    const goal = await shared('Achieve');
    expect(await code(progress.achieve(T, goal.id, 'UMENTEE'))).toBe('conflict');
    await reviews.approve(T, goal.id, goal.version, 'UMENTOR');
    expect(await code(progress.reflect(T, goal.id, 'UMENTEE', 'too early'))).toBe('conflict');
    const achieved = await progress.achieve(T, goal.id, 'UMENTOR');
    expect(achieved.goal).toMatchObject({ status: 'achieved' });
    expect(achieved.goal.achieved_at?.toISOString()).toBe(now.toISOString());
    expect(await code(progress.achieve(T, goal.id, 'UMENTEE'))).toBe('conflict');
    expect(await code(progress.reflect(T, goal.id, 'UMENTOR', 'mine'))).toBe('forbidden');
    expect((await progress.reflect(T, goal.id, 'UMENTEE', 'Asked early')).goal.reflection).toBe('Asked early');
    expect(await code(goals.update(T, goal.id, 'UMENTEE', draft('Too late to edit')))).toBe('conflict');
  });

  it('refuses to share a goal whose target date has passed', async () => {
    const created = await goals.create(T, pair.id, 'UMENTEE', draft('Old'));
    if (!created.ok) throw new Error('create');
    await db.kysely.updateTable('goals').set({ target_date: '2026-11-23' }).where('id', '=', created.details.goal.id).execute();
    expect(await code(goals.share(T, created.details.goal.id, 'UMENTEE'))).toBe('invalid_input');
  });
});
