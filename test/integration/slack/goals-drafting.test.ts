import type { Pair } from '../../../src/db/schema';
import { goalModal } from '../../../src/slack/blocks/goal-modal';
import { GoalActions, GoalModal, OpenActions } from '../../../src/slack/ids';
import {
  buttons,
  clickButton,
  createPair,
  draftGoal,
  goalInputs,
  goalRow,
  goalsOf,
  itemsOf,
  latestList,
  openAddGoal,
  showList,
  textOf,
} from '../../support/goal-fixtures';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

const { blocks: b } = GoalModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  pair = await createPair(h, 'mentor', 'mentee');
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

describe('/mentorship goals', () => {
  it('tells someone in no pair how to start one, and shows nothing else', async () => {
    const { status, replies } = await commandAnsweredLater(h, USERS.stranger.id, 'goals');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0])).toContain('/mentorship pair');
  });

  it('shows the mentee an empty list with the buttons to add a goal and fill in the SWOT, and the first-month habit', async () => {
    const list = await showList(h, USERS.mentee.id);
    expect(list.ephemeralFor).toBe(USERS.mentee.id);
    const shown = buttons(list.blocks);
    expect(shown).toContainEqual(expect.objectContaining({ actionId: OpenActions.addGoal, value: pair.id }));
    expect(shown).toContainEqual(expect.objectContaining({ actionId: GoalActions.swot, value: pair.id, text: 'Fill in your SWOT' }));
    expect(textOf(list)).toMatch(/first month, aim to share 3-5 goals/);
    expect(textOf(list)).toMatch(/No goals on the go yet/);
  });
});

describe('adding a goal', () => {
  it('opens the SMART modal from the goal list, with a link to the SWOT and a default target date', async () => {
    const view = await openAddGoal(h, USERS.mentee.id, pair.id);
    const ids = view.blocks.map((block) => block.block_id);
    for (const id of [b.title, b.specific, b.measurable, b.achievable, b.relevant, b.targetDate, b.objective, b.keyResults, b.milestones, b.shareNow]) {
      expect(ids).toContain(id);
    }
    expect(buttons(view.blocks)).toContainEqual(expect.objectContaining({ actionId: GoalModal.actions.openSwot, value: pair.id }));
    expect(view.blocks.find((block) => block.block_id === b.targetDate)?.element.initial_date).toBe('2027-02-23');
  });

  it('saves the goal with its key results and milestones as a draft and shows it in the list', async () => {
    const view = await openAddGoal(h, USERS.mentee.id, pair.id);
    const before = h.standIn.ephemeralsFor(USERS.mentee.id).length;
    const result = await h.driver.submitView(USERS.mentee.id, view, goalInputs());
    expect(result.errors).toBeUndefined();
    expect(h.standIn.topView(USERS.mentee.id)).toBeUndefined();
    const [goal] = await goalsOf(h, pair.id);
    expect(goal).toMatchObject({ title: 'Lead a design review', status: 'draft', target_date: '2027-03-01', created_by: USERS.mentee.id, version: 1 });
    const items = await itemsOf(h, goal!.id);
    expect(items.map((item) => [item.kind, item.title, item.target_value, item.due_date])).toEqual([
      ['key_result', 'Ship 3 features', 3, null],
      ['key_result', 'Give a team talk', null, null],
      ['milestone', 'Draft the design doc', null, '2027-01-15'],
      ['milestone', 'Hold the review', null, '2027-02-15'],
    ]);
    await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).length > before);
    const list = latestList(h, USERS.mentee.id);
    expect(textOf(list)).toContain('Saved *Lead a design review*');
    expect(textOf(list)).toContain('Draft');
    expect(
      buttons(list?.blocks)
        .filter((button) => button.value === goal!.id)
        .map((button) => button.actionId),
    ).toEqual([GoalActions.edit, GoalActions.share, GoalActions.progress, GoalActions.drop]);
    expect(h.standIn.messagesIn(pair.goals_channel_id)).toHaveLength(0);
  });

  it.each([
    ['a blank title', { [b.title]: '   ' }, b.title, /short title/],
    ['a target date of today', { [b.targetDate]: '2026-11-23' }, b.targetDate, /after today/],
    ['a target date in the past', { [b.targetDate]: '2026-01-10' }, b.targetDate, /after today/],
    ['a target date after the mentorship ends', { [b.targetDate]: '2027-06-02' }, b.targetDate, /no later than the end of the mentorship \(Tue 1 Jun 2027\)/],
    [
      'a milestone after the target date',
      { [b.milestones]: '2027-01-15 Draft\n2027-04-01 Too late' },
      b.milestones,
      /Line 2: 2027-04-01 is after the goal's target date/,
    ],
    ['six key results', { [b.keyResults]: 'a\nb\nc\nd\ne\nf' }, b.keyResults, /At most 5 key results/],
    ['a key result whose target is not a number', { [b.keyResults]: 'Talk\nShip features = lots' }, b.keyResults, /Line 2 .*number to reach/],
    ['a milestone without a date', { [b.milestones]: 'Draft the doc' }, b.milestones, /Line 1 .*start with the date/],
    ['a milestone on a date that does not exist', { [b.milestones]: '2027-02-30 Review' }, b.milestones, /not a date on the calendar/],
  ])('refuses %s under the right field, keeps the modal open and saves nothing', async (_name, override, block, message) => {
    const before = (await goalsOf(h, pair.id)).length;
    const view = await openAddGoal(h, USERS.mentee.id, pair.id);
    const inputs = goalInputs(override);
    const result = await h.driver.submitView(USERS.mentee.id, view, inputs);
    expect(result.errors?.[block]).toMatch(message);
    expect(Object.keys(result.errors ?? {})).toEqual([block]);
    const open = h.standIn.topView(USERS.mentee.id);
    expect(open?.id).toBe(view.id);
    // What was typed is still there: Slack keeps the state of a view that answered with errors.
    expect(open?.state.values[b.title]?.[GoalModal.actions.title]?.value).toBe(inputs[b.title]);
    expect(open?.state.values[b.milestones]?.[GoalModal.actions.milestones]?.value).toBe(inputs[b.milestones]);
    expect((await goalsOf(h, pair.id)).length).toBe(before);
  });

  it('reports every bad field at once', async () => {
    const view = await openAddGoal(h, USERS.mentee.id, pair.id);
    const result = await h.driver.submitView(USERS.mentee.id, view, goalInputs({ [b.title]: ' ', [b.keyResults]: 'x = y', [b.milestones]: 'soon' }));
    expect(Object.keys(result.errors ?? {}).sort()).toEqual([b.keyResults, b.milestones, b.title].sort());
  });

  it('opens the same modal from a DM, the Home tab and an ephemeral message (OpenActions.addGoal)', async () => {
    const client = h.bot.slackApp.app.client;
    const addButton = {
      type: 'actions',
      elements: [{ type: 'button', action_id: OpenActions.addGoal, text: { type: 'plain_text', text: 'Add a goal' }, value: pair.id }],
    };
    const dm = await client.conversations.open({ users: USERS.mentee.id });
    await client.chat.postMessage({ channel: dm.channel!.id!, text: 'reminder', blocks: [addButton] as never });
    await client.chat.postEphemeral({ channel: pair.goals_channel_id, user: USERS.mentee.id, text: 'tip', blocks: [addButton] as never });
    await client.views.publish({ user_id: USERS.mentee.id, view: { type: 'home', blocks: [addButton] as never } });

    const dmMessage = h.standIn.dmsTo(USERS.mentee.id).at(-1)!;
    await h.driver.clickInMessage(USERS.mentee.id, dmMessage, OpenActions.addGoal);
    expect((await eventually(() => h.standIn.topView(USERS.mentee.id))).callback_id).toBe(GoalModal.callbackId);

    await h.driver.clickInMessage(USERS.mentee.id, h.standIn.ephemeralsFor(USERS.mentee.id).at(-1)!, OpenActions.addGoal);
    await eventually(() => h.standIn.callsTo('views.open').filter((call) => call.ok).length === 2);

    await h.driver.clickInView(USERS.mentee.id, h.standIn.homeView(USERS.mentee.id)!, OpenActions.addGoal);
    await eventually(() => h.standIn.callsTo('views.open').filter((call) => call.ok).length === 3);
    for (const call of h.standIn.callsTo('views.open')) expect(call.args.view.callback_id).toBe(GoalModal.callbackId);
  });

  it('refuses a stranger pressing an add-goal button for a pair they are not in, and opens nothing', async () => {
    // The stranger cannot see the mentee's list; a forged press is their own message carrying the pair's id.
    const client = h.bot.slackApp.app.client;
    await client.chat.postEphemeral({
      channel: pair.goals_channel_id,
      user: USERS.stranger.id,
      text: 'x',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: OpenActions.addGoal, text: { type: 'plain_text', text: 'Add' }, value: pair.id }] },
      ] as never,
    });
    await h.driver.clickInMessage(USERS.stranger.id, h.standIn.ephemeralsFor(USERS.stranger.id).at(-1)!, OpenActions.addGoal);
    await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).length === 2);
    expect(textOf(h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).toMatch(/not part of that mentorship/);
    expect(h.standIn.callsTo('views.open').filter((call) => call.ok)).toHaveLength(0);
  });
  it("refuses a forged goal form naming another pair or another pair's goal, and saves nothing", async () => {
    const before = await goalsOf(h, pair.id);
    const client = h.bot.slackApp.app.client;
    for (const goal of [undefined, { id: before[0]!.id, status: before[0]!.status }]) {
      const view = goalModal({ pairId: pair.id, goal, values: { targetDate: '2027-03-01' }, plannedEnd: pair.planned_end_on });
      await client.views.open({ trigger_id: h.standIn.issueTriggerId(USERS.stranger.id), view: view as never });
      const result = await h.driver.submitView(USERS.stranger.id, h.standIn.topView(USERS.stranger.id)!, goalInputs({ [b.title]: 'Intruder' }));
      expect(result.errors?.[b.title]).toMatch(/not part of/);
    }
    expect(await goalsOf(h, pair.id)).toEqual(before);
  });
});

describe('editing a goal', () => {
  it('opens the modal filled with the goal and keeps the progress of key results whose wording stayed', async () => {
    const goal = (await goalsOf(h, pair.id))[0]!;
    const items = await itemsOf(h, goal.id);
    const ship = items.find((item) => item.title === 'Ship 3 features')!;
    await h.db.kysely.updateTable('goal_progress_items').set({ current_value: 2, updated_by: USERS.mentee.id }).where('id', '=', ship.id).execute();

    const list = await showList(h, USERS.mentor.id);
    await clickButton(h, USERS.mentor.id, list, GoalActions.edit, goal.id);
    const view = await eventually(() => h.standIn.topView(USERS.mentor.id));
    const initial = (block: string) => view.blocks.find((x) => x.block_id === block)?.element;
    expect(initial(b.title).initial_value).toBe('Lead a design review');
    expect(initial(b.keyResults).initial_value).toBe('Ship 3 features = 3\nGive a team talk');
    expect(initial(b.milestones).initial_value).toBe('2027-01-15 Draft the design doc\n2027-02-15 Hold the review');
    expect(initial(b.targetDate).initial_date).toBe('2027-03-01');

    const result = await h.driver.submitView(USERS.mentor.id, view, { [b.keyResults]: 'Ship 3 features = 4\nWrite a blog post' });
    expect(result.errors).toBeUndefined();
    const after = await itemsOf(h, goal.id);
    expect(after.filter((item) => item.kind === 'key_result').map((item) => [item.title, item.target_value, item.current_value])).toEqual([
      ['Ship 3 features', 4, 2],
      ['Write a blog post', null, 0],
    ]);
    expect((await goalRow(h, goal.id)).version).toBe(goal.version + 1);
  });

  it('refuses an edit by someone outside the pair', async () => {
    const goal = (await goalsOf(h, pair.id))[0]!;
    const client = h.bot.slackApp.app.client;
    await client.chat.postEphemeral({
      channel: pair.goals_channel_id,
      user: USERS.other.id,
      text: 'x',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.edit, text: { type: 'plain_text', text: 'Edit' }, value: goal.id }] },
      ] as never,
    });
    await h.driver.clickInMessage(USERS.other.id, h.standIn.ephemeralsFor(USERS.other.id).at(-1)!, GoalActions.edit);
    await eventually(() => h.standIn.ephemeralsFor(USERS.other.id).length === 2);
    expect(textOf(h.standIn.ephemeralsFor(USERS.other.id).at(-1))).toMatch(/not part of/);
    expect(h.standIn.callsTo('views.open').filter((call) => call.ok)).toHaveLength(0);
  });
});

describe('the 3-5 habit', () => {
  it('says gently, when a sixth goal is added, that 3-5 at a time works best, and still saves it', async () => {
    const other = await createPair(h, 'other', 'stranger');
    for (let i = 1; i <= 5; i += 1) await draftGoal(h, other, `Goal ${i}`);
    const view = await openAddGoal(h, USERS.stranger.id, other.id);
    expect(textOf({ blocks: view.blocks })).toMatch(/already have 5 goals on the go/);
    const result = await h.driver.submitView(USERS.stranger.id, view, goalInputs({ [b.title]: 'Goal 6' }));
    expect(result.errors).toBeUndefined();
    await eventually(() => textOf(latestList(h, USERS.stranger.id)).includes('Saved *Goal 6*'));
    expect(textOf(latestList(h, USERS.stranger.id))).toMatch(/You have 6 goals on the go/);
    expect(await goalsOf(h, other.id)).toHaveLength(6);
  });

  it('keeps a long list within 50 blocks and says how many goals are not shown', async () => {
    const busy = await createPair(h, 'stranger', 'other');
    for (let i = 1; i <= 30; i += 1) await draftGoal(h, busy, `Many ${i}`);
    const list = await showList(h, USERS.stranger.id);
    expect(list.blocks!.length).toBeLessThanOrEqual(50);
    const shownGoals = buttons(list.blocks).filter((button) => button.actionId === GoalActions.edit).length;
    const hidden = Number(/(\d+) more goals on the go are not shown/.exec(textOf(list))?.[1]);
    // The stranger mentors `busy` (30 goals) and is mentee in `other` (6 goals): every goal is shown or counted.
    expect(shownGoals + hidden).toBe(36);
    expect(shownGoals).toBeGreaterThan(10);
  });
});

describe('what a person typed', () => {
  it('reaches Slack escaped: never a mention or a broadcast', async () => {
    const third = await createPair(h, 'mentee', 'other');
    await draftGoal(h, third, '<!channel> ping <@UMENTOR> & co');
    const list = await showList(h, USERS.other.id);
    const text = textOf(list);
    expect(text).toContain('&lt;!channel&gt; ping &lt;@UMENTOR&gt; &amp; co');
    expect(text).not.toContain('<!channel>');
  });
});

describe("a mentor's list", () => {
  it('shows the goals of each of their mentees, one section per mentee, each with its own buttons', async () => {
    const second = await createPair(h, 'mentor', 'other');
    const goal = await draftGoal(h, second, 'Second mentee goal');
    const list = await showList(h, USERS.mentor.id);
    const text = textOf(list);
    expect(text).toContain(`*<@${USERS.mentee.id}>'s goals*: you are the mentor`);
    expect(text).toContain(`*<@${USERS.other.id}>'s goals*: you are the mentor`);
    expect(text).toContain('Lead a design review');
    expect(text).toContain('Second mentee goal');
    const adds = buttons(list.blocks)
      .filter((button) => button.actionId === OpenActions.addGoal)
      .map((button) => button.value);
    expect(adds).toEqual([pair.id, second.id]);
    expect(buttons(list.blocks)).toContainEqual(expect.objectContaining({ actionId: GoalActions.swot, value: second.id, text: 'SWOT (not filled in yet)' }));
    expect(
      buttons(list.blocks)
        .filter((button) => button.value === goal.id)
        .map((button) => button.actionId),
    ).toContain(GoalActions.edit);
    // The mentee of the first pair sees only their own pair.
    expect(textOf(await showList(h, USERS.mentee.id))).not.toContain('Second mentee goal');
  });
});
