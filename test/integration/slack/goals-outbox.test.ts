import type { Goal, OutboxRow, Pair } from '../../../src/db/schema';
import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { GoalProgressService } from '../../../src/domain/goals/goal-progress.service';
import { goalReviewStoreOn } from '../../../src/domain/goals/goal-review.db-store';
import { GoalReviewService } from '../../../src/domain/goals/goal-review.service';
import { GoalsService } from '../../../src/domain/goals/goals.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { GoalActions, GoalChangesModal, GoalModal, GoalReflectionModal } from '../../../src/slack/ids';
import { buttons, clickButton, createPair, draftGoal, goalRow, refillSendBudget, showList, textOf } from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

/*
 * Every goal event's messages are outbox rows written with the change. This replica commits them
 * but never sends them, as if it died right after each commit: a later scheduler pass sends each
 * exactly once (and records where the approval message landed). A transaction that fails after the
 * rows were written leaves neither the change nor a row.
 */
const { mentor, mentee } = USERS;
const as = (userId: string) => ({ teamId: TEAM_ID, userId });
const draft = (title: string) => ({
  title,
  specific: 's',
  measurable: 'm',
  achievable: null,
  relevant: null,
  objective: null,
  targetDate: '2027-04-01',
  keyResults: [],
  milestones: [],
});
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  pair = await createPair(h, 'mentor', 'mentee');
});
afterAll(() => h.close());
beforeEach(() => refillSendBudget(h));

type Row = OutboxRow & { payload: { topic: string } };
const channel = (): StoredMessage[] => h.standIn.messagesIn(CHANNELS.goals.id);
const current = (message: StoredMessage): StoredMessage => h.standIn.findMessage(message.channel, message.ts)!;
const updatesOf = (message: StoredMessage) => h.standIn.callsTo('chat.update').filter((call) => call.ok && call.args.ts === message.ts);

/** Runs a person's action; returns the notices it committed (topics in order), none of them sent. */
async function committed(action: () => Promise<unknown>): Promise<Row[]> {
  await h.settle();
  const before = new Set((await notices(h)).map((row) => row.id));
  const calls = h.standIn.calls.length;
  await action();
  await h.settle();
  const rows = (await notices(h)).filter((row) => !before.has(row.id)) as Row[];
  expect(rows.map((row) => row.state)).toEqual(rows.map(() => 'pending'));
  expect(h.standIn.calls.slice(calls).filter((call) => ['chat.postMessage', 'chat.update'].includes(call.method))).toEqual([]);
  return rows;
}

/** Two passes, as two replicas' minutes: each row is sent on the first attempt, and never again. */
async function sentByPasses(rows: readonly Row[]): Promise<void> {
  await runPass(h);
  await runPass(h);
  const after = await h.db.kysely
    .selectFrom('outbox')
    .select(['id', 'state', 'attempt'])
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  expect(after.map(({ state, attempt }) => ({ state, attempt }))).toEqual(rows.map(() => ({ state: 'sent', attempt: 1 })));
}

const topics = (rows: readonly Row[]): string[] => rows.map((row) => row.payload.topic).sort();

async function share(goal: Goal): Promise<Row[]> {
  return committed(async () => clickButton(h, mentee.id, await showList(h, mentee.id), GoalActions.share, goal.id));
}

describe('goal notices written with the change, sent by a later pass exactly once', () => {
  let goal: Goal;
  let approval: StoredMessage;

  it('goal_shared: the approval message is posted once by a pass, which records where it landed on the goal', async () => {
    goal = await draftGoal(h, pair, 'Run the incident review');
    const rows = await share(goal);
    expect(topics(rows)).toEqual(['goal_shared']);
    expect(rows[0]).toMatchObject({ recipient_id: CHANNELS.goals.id, pair_id: pair.id });
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', share_message_ts: null });
    await sentByPasses(rows);
    expect(channel()).toHaveLength(1);
    approval = channel()[0]!;
    expect(buttons(approval.blocks).map((button) => button.value)).toEqual([`${goal.id}:2`, `${goal.id}:2`]);
    expect(await goalRow(h, goal.id)).toMatchObject({ share_channel_id: CHANNELS.goals.id, share_message_ts: approval.ts });
  });

  it('goal_saved: an edit while awaiting approval refreshes that message once', async () => {
    const rows = await committed(async () => {
      await clickButton(h, mentee.id, await showList(h, mentee.id), GoalActions.edit, goal.id);
      const view = await eventually(() => h.standIn.topView(mentee.id));
      await h.driver.submitView(mentee.id, view, { [GoalModal.blocks.title]: 'Run two incident reviews' });
    });
    expect(topics(rows)).toEqual(['goal_approval_refreshed']);
    await sentByPasses(rows);
    expect(updatesOf(approval)).toHaveLength(1);
    expect(textOf(current(approval))).toContain('Run two incident reviews');
  });

  it('goal_review_stale: Approve on a message that shows an older version refreshes it once and approves nothing', async () => {
    // An edit the message does not show yet (its refresh is still in the outbox), then the mentor presses.
    await h.bot.services.goals.save(as(mentee.id), { goalId: goal.id }, draft('Run three incident reviews'));
    const rows = await committed(() => clickButton(h, mentor.id, approval, GoalActions.approve, `${goal.id}:3`));
    expect(topics(rows)).toEqual(['goal_approval_refreshed']);
    await sentByPasses(rows);
    expect(buttons(current(approval).blocks).map((button) => button.value)).toEqual([`${goal.id}:4`, `${goal.id}:4`]);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', version: 4 });
  });

  it('goal_approved: the message says approved and the mentee gets one DM', async () => {
    const rows = await committed(() => clickButton(h, mentor.id, approval, GoalActions.approve, `${goal.id}:4`));
    expect(topics(rows)).toEqual(['goal_approval_refreshed', 'goal_approved']);
    await sentByPasses(rows);
    expect(textOf(current(approval))).toContain('Approved by');
    expect(h.standIn.dmsTo(mentee.id).filter((dm) => textOf(dm).includes('approved your goal'))).toHaveLength(1);
  });

  it('goal_achieved: one celebration, the message updated once, one reflection prompt', async () => {
    const rows = await committed(async () => clickButton(h, mentor.id, await showList(h, mentor.id), GoalActions.achieve, goal.id));
    expect(topics(rows)).toEqual(['goal_achieved', 'goal_approval_refreshed', 'goal_reflection_prompt']);
    await sentByPasses(rows);
    expect(channel().filter((message) => textOf(message).includes('achieved a goal'))).toHaveLength(1);
    expect(textOf(current(approval))).toContain(':trophy: Achieved');
    expect(h.standIn.dmsTo(mentee.id).filter((dm) => textOf(dm).includes('You achieved'))).toHaveLength(1);
  });

  it('goal_reflected: the prompt loses its button and the approval message shows the reflection, once each', async () => {
    const prompt = h.standIn.dmsTo(mentee.id).find((dm) => textOf(dm).includes('You achieved'))!;
    const rows = await committed(async () => {
      await h.driver.clickInMessage(mentee.id, prompt, GoalActions.reflect);
      const view = await eventually(() => h.standIn.topView(mentee.id));
      await h.driver.submitView(mentee.id, view, { [GoalReflectionModal.blocks.reflection]: 'Writing it down early helped' });
    });
    expect(topics(rows)).toEqual(['goal_approval_refreshed', 'goal_reflection_saved']);
    await sentByPasses(rows);
    expect(buttons(current(prompt).blocks)).toHaveLength(0);
    expect(updatesOf(prompt)).toHaveLength(1);
    expect(textOf(current(approval))).toContain('Writing it down early helped');
  });

  it('goal_changes_requested, then a new share: one DM with the comment, one new message, the old one retired once', async () => {
    const second = await draftGoal(h, pair, 'Pair with the SRE team');
    await sentByPasses(await share(second));
    const message = channel().at(-1)!;
    const rows = await committed(async () => {
      await clickButton(h, mentor.id, message, GoalActions.requestChanges, `${second.id}:2`);
      const view = await eventually(() => h.standIn.topView(mentor.id));
      await h.driver.submitView(mentor.id, view, { [GoalChangesModal.blocks.comment]: 'Name the service' });
    });
    expect(topics(rows)).toEqual(['goal_approval_refreshed', 'goal_changes_requested']);
    await sentByPasses(rows);
    expect(h.standIn.dmsTo(mentee.id).filter((dm) => textOf(dm).includes('Name the service'))).toHaveLength(1);

    const again = await share(second);
    expect(topics(again)).toEqual(['goal_shared', 'goal_superseded']);
    await sentByPasses(again);
    expect(channel().filter((m) => textOf(m).includes('Pair with the SRE team'))).toHaveLength(2);
    expect(textOf(current(message))).toMatch(/newer version of this goal was shared/);
    expect(await goalRow(h, second.id)).toMatchObject({ share_message_ts: channel().at(-1)!.ts });
  });

  it('goal_dropped: the approval message says so, once', async () => {
    const third = await draftGoal(h, pair, 'Maybe next quarter');
    await sentByPasses(await share(third));
    const message = channel().at(-1)!;
    const rows = await committed(async () => clickButton(h, mentee.id, await showList(h, mentee.id), GoalActions.drop, third.id));
    expect(topics(rows)).toEqual(['goal_approval_refreshed']);
    await sentByPasses(rows);
    expect(updatesOf(message)).toHaveLength(1);
    expect(textOf(current(message))).toContain(':wastebasket: Dropped');
  });
});

describe('a goal change whose transaction fails after its notices were written', () => {
  const failing: EffectsRecorder = {
    async record(tx, teamId, events) {
      await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
      throw new Error('crash after the notices were written, before the commit');
    },
  };
  let goals: GoalsService;
  let reviews: GoalReviewService;
  let progress: GoalProgressService;

  beforeAll(() => {
    goals = new GoalsService(h.db.kysely, h.clock.now, failing);
    reviews = new GoalReviewService(goalReviewStoreOn(h.db.kysely, failing), h.clock.now);
    progress = new GoalProgressService(h.db.kysely, h.clock.now, failing);
  });

  /** A goal in the given state, with an approval message recorded where the state needs one. */
  async function goalIn(status: 'draft' | 'awaiting_approval' | 'approved' | 'achieved', title: string): Promise<Goal> {
    const goal = await draftGoal(h, pair, title);
    if (status === 'draft') return goal;
    await h.bot.services.goals.share(as(mentee.id), goal.id);
    await runPass(h);
    if (status === 'awaiting_approval') return goalRow(h, goal.id);
    await h.bot.services.goalReviews.approve(as(mentor.id), { goalId: goal.id, version: 2, pressed: null });
    if (status === 'achieved') await h.bot.services.goalProgress.achieve(as(mentor.id), goal.id);
    await runPass(h);
    return goalRow(h, goal.id);
  }

  it.each([
    ['goal_shared', 'draft', (g: Goal) => goals.share(as(mentee.id), g.id)],
    ['goal_saved', 'awaiting_approval', (g: Goal) => goals.save(as(mentee.id), { goalId: g.id }, draft('Changed while waiting'))],
    ['goal_approved', 'awaiting_approval', (g: Goal) => reviews.approve(as(mentor.id), { goalId: g.id, version: g.version, pressed: null })],
    ['goal_review_stale', 'awaiting_approval', (g: Goal) => reviews.approve(as(mentor.id), { goalId: g.id, version: g.version - 1, pressed: null })],
    [
      'goal_changes_requested',
      'awaiting_approval',
      (g: Goal) => reviews.requestChanges(as(mentor.id), { goalId: g.id, version: g.version, pressed: null }, 'More'),
    ],
    ['goal_achieved', 'approved', (g: Goal) => progress.achieve(as(mentee.id), g.id)],
    ['goal_reflected', 'achieved', (g: Goal) => progress.reflect(as(mentee.id), g.id, 'Lost?', null)],
    ['goal_dropped', 'awaiting_approval', (g: Goal) => goals.drop(as(mentee.id), g.id)],
  ] as const)('%s: leaves neither the change nor a notice', async (event, status, change) => {
    const goal = await goalIn(status, `Rolled back: ${event}`);
    const before = { goal: await goalRow(h, goal.id), notices: (await notices(h)).length };
    await expect(change(goal)).rejects.toThrow('crash');
    expect(await goalRow(h, goal.id)).toEqual(before.goal);
    expect(await notices(h)).toHaveLength(before.notices);
  });
});
