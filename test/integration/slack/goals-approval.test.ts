import type { Goal, Pair } from '../../../src/db/schema';
import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { GoalActions, GoalChangesModal, GoalModal } from '../../../src/slack/ids';
import { buttons, clickButton, createPair, draftGoal, goalRow, latestList, showList, refillSendBudget, textOf } from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

let h: Harness;
let pair: Pair;
/** Mentors someone else: a mentor, but not this pair's. */
const otherMentor = { id: 'UOMENTOR', name: 'otto', realName: 'Otto Othermentor', tz: 'Europe/Paris' };

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  h.standIn.addUser(otherMentor);
  pair = await createPair(h, 'mentor', 'mentee');
  await createPair(h, otherMentor, 'other');
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
  await refillSendBudget(h);
});

const channelMessages = (): StoredMessage[] => h.standIn.messagesIn(CHANNELS.goals.id);

/** The mentee shares a goal from their list; returns the approval message in the goals channel. */
async function share(goal: Goal, by: string = USERS.mentee.id): Promise<StoredMessage> {
  const before = channelMessages().length;
  const list = await showList(h, by);
  await clickButton(h, by, list, GoalActions.share, goal.id);
  await eventually(() => channelMessages().length > before);
  await h.settle();
  return channelMessages().at(-1)!;
}

const current = (message: StoredMessage): StoredMessage => h.standIn.findMessage(message.channel, message.ts)!;
const callsSince = (mark: number, method: string) => h.standIn.calls.slice(mark).filter((call) => call.method === method);

describe('sharing a goal', () => {
  it("posts it in the pair's goals channel with Approve and Request changes for this version, and updates the list in place", async () => {
    const goal = await draftGoal(h, pair, 'Speak at a meetup', { keyResults: [{ title: 'Submit a talk', target: null }] });
    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.share, goal.id);
    const message = await eventually(() => channelMessages()[0]);
    // The app records where the message is right after Slack answers the post.
    const row = await eventually(async () => {
      const stored = await goalRow(h, goal.id);
      return stored.share_message_ts && stored;
    });
    expect(row).toMatchObject({ status: 'awaiting_approval', version: 2, share_channel_id: CHANNELS.goals.id, share_message_ts: message.ts });
    expect(buttons(message.blocks).map((button) => [button.actionId, button.value])).toEqual([
      [GoalActions.approve, `${goal.id}:2`],
      [GoalActions.requestChanges, `${goal.id}:2`],
    ]);
    expect(textOf(message)).toContain(`<@${USERS.mentor.id}>, please approve it`);
    expect(textOf(message)).toContain('Submit a talk');
    await eventually(() => current(list).edited);
    expect(textOf(current(list))).toMatch(/Shared \*Speak at a meetup\* in <#CGOALS>/);
    expect(textOf(current(list))).toContain('Awaiting approval');
  });

  it('keeps the goal waiting and tells the person how to fix it when the bot cannot post in the channel', async () => {
    const hidden = await createPair(h, 'stranger', 'mentee', CHANNELS.private.id);
    const goal = await draftGoal(h, hidden, 'Write a blog post');
    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.share, goal.id);
    await eventually(() => current(list).edited);
    expect(textOf(current(list))).toMatch(/couldn't post it in <#GPRIVATE>.*\/invite @Mentorship/);
    expect(buttons(current(list).blocks)).toContainEqual(expect.objectContaining({ actionId: GoalActions.share, value: goal.id, text: 'Share again' }));
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', share_message_ts: null });
  });

  it('refuses to share a goal of a pair the presser is not in', async () => {
    const goal = await draftGoal(h, pair, 'Not yours to share');
    await h.bot.slackApp.app.client.chat.postEphemeral({
      channel: CHANNELS.goals.id,
      user: USERS.stranger.id,
      text: 'x',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.share, text: { type: 'plain_text', text: 'Share' }, value: goal.id }] },
      ] as never,
    });
    await h.driver.clickInMessage(USERS.stranger.id, h.standIn.ephemeralsFor(USERS.stranger.id).at(-1)!, GoalActions.share);
    await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).length === 2);
    expect(textOf(h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).toMatch(/not part of/);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'draft', version: 1 });
    expect(channelMessages()).toHaveLength(0);
  });
});

describe('approving', () => {
  it.each([
    ['someone outside the pair', USERS.stranger.id],
    ['the mentee', USERS.mentee.id],
    ["another pair's mentor", otherMentor.id],
  ])('refuses %s with an ephemeral "only <mentor>" and changes nothing', async (_who, userId) => {
    const goal = await draftGoal(h, pair, `Refused for ${userId}`);
    const message = await share(goal);
    const before = { blocks: structuredClone(current(message).blocks), row: await goalRow(h, goal.id) };
    const mark = h.standIn.calls.length;
    for (const action of [GoalActions.approve, GoalActions.requestChanges]) {
      await clickButton(h, userId, message, action, `${goal.id}:2`);
    }
    const replies = () => h.standIn.ephemeralsFor(userId).filter((reply) => reply.channel === CHANNELS.goals.id);
    await eventually(() => replies().length === 2);
    await h.settle();
    for (const reply of replies()) expect(textOf(reply)).toContain(`Only <@${USERS.mentor.id}> can approve this goal`);
    expect(current(message).blocks).toEqual(before.blocks);
    expect(current(message).edited).toBeUndefined();
    expect(await goalRow(h, goal.id)).toEqual(before.row);
    expect(callsSince(mark, 'chat.update')).toHaveLength(0);
    expect(callsSince(mark, 'views.open')).toHaveLength(0);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it("updates that same message to say who approved it and when, and DMs the mentee in the mentee's zone", async () => {
    const goal = await draftGoal(h, pair, 'Run the retro');
    const message = await share(goal);
    await clickButton(h, USERS.mentor.id, message, GoalActions.approve, `${goal.id}:2`);
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).length === 1);
    // Both messages leave the outbox in one send; which goes first is not fixed.
    await h.settle();
    const updates = h.standIn.callsTo('chat.update');
    expect(updates.map((call) => [call.args.channel, call.args.ts])).toEqual([[CHANNELS.goals.id, message.ts]]);
    const shown = textOf(current(message));
    expect(shown).toContain(`Approved by <@${USERS.mentor.id}> on <!date^${Date.parse('2026-11-23T14:00:00Z') / 1000}^`);
    expect(buttons(current(message).blocks)).toHaveLength(0);
    expect(channelMessages()).toHaveLength(1);
    const dm = textOf(h.standIn.dmsTo(USERS.mentee.id)[0]);
    expect(dm).toContain(`<@${USERS.mentor.id}> approved your goal *Run the retro*`);
    expect(dm).toContain('Mon 23 Nov 2026, 09:00 (America/New_York)');
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'approved', approved_by: USERS.mentor.id, version: 3 });
  });

  it('approves once when Approve is pressed twice, and tells the mentor the second time that it is already approved', async () => {
    const goal = await draftGoal(h, pair, 'Pair on an incident');
    const message = await share(goal);
    // Both presses leave before either answer updates the message, as a double click does.
    await Promise.all([
      clickButton(h, USERS.mentor.id, message, GoalActions.approve, `${goal.id}:2`),
      clickButton(h, USERS.mentor.id, message, GoalActions.approve, `${goal.id}:2`),
    ]);
    await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id).length === 1);
    await h.settle();
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
    expect(textOf(h.standIn.ephemeralsFor(USERS.mentor.id)[0])).toMatch(/already approved/);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'approved', version: 3 });
    expect(textOf(current(message))).toContain('Approved by');
  });

  it('refreshes a message showing an outdated version instead of approving it', async () => {
    const goal = await draftGoal(h, pair, 'Mentor an intern');
    const message = await share(goal);
    // The mentee edits the goal while the refresh of the channel message fails: the message still shows version 2.
    // (Not a 429: through the outbox, Slack's Retry-After pauses every message to the workspace, this test's too.)
    h.standIn.failNext('chat.update', { error: 'internal_error' });
    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.edit, goal.id);
    const view = await eventually(() => h.standIn.topView(USERS.mentee.id));
    await h.driver.submitView(USERS.mentee.id, view, { [GoalModal.blocks.title]: 'Mentor two interns' });
    await h.settle();
    expect(textOf(current(message))).toContain('Mentor an intern');

    await clickButton(h, USERS.mentor.id, message, GoalActions.approve, `${goal.id}:2`);
    await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id).length === 1);
    expect(textOf(h.standIn.ephemeralsFor(USERS.mentor.id)[0])).toMatch(/changed since that message was posted/);
    await eventually(() => textOf(current(message)).includes('Mentor two interns'));
    expect(buttons(current(message).blocks).map((button) => button.value)).toEqual([`${goal.id}:3`, `${goal.id}:3`]);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', approved_by: null, version: 3 });
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });
});

describe('requesting changes', () => {
  it("opens the mentor's comment modal, moves the goal to changes requested and DMs the comment to the mentee", async () => {
    const goal = await draftGoal(h, pair, 'Own the on-call rota');
    const message = await share(goal);
    await clickButton(h, USERS.mentor.id, message, GoalActions.requestChanges, `${goal.id}:2`);
    const modal = await eventually(() => h.standIn.topView(USERS.mentor.id));
    expect(modal.callback_id).toBe(GoalChangesModal.callbackId);

    const blank = await h.driver.submitView(USERS.mentor.id, modal, { [GoalChangesModal.blocks.comment]: '   ' });
    expect(blank.errors?.[GoalChangesModal.blocks.comment]).toMatch(/Say what should change/);
    expect((await goalRow(h, goal.id)).status).toBe('awaiting_approval');

    const sent = await h.driver.submitView(USERS.mentor.id, modal, { [GoalChangesModal.blocks.comment]: '<!here> How will you measure it?' });
    expect(sent.errors).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).length === 1);
    const dm = h.standIn.dmsTo(USERS.mentee.id)[0]!;
    expect(textOf(dm)).toContain('&lt;!here&gt; How will you measure it?');
    expect(textOf(dm)).not.toContain('<!here>');
    expect(buttons(dm.blocks)).toContainEqual(expect.objectContaining({ actionId: GoalActions.edit, value: goal.id }));
    await eventually(() => current(message).edited);
    expect(textOf(current(message))).toMatch(/Changes requested by <@UMENTOR>: &lt;!here&gt; How will you measure it\?/);
    expect(buttons(current(message).blocks)).toHaveLength(0);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'changes_requested', changes_comment: '<!here> How will you measure it?', version: 3 });

    // The mentee edits from the DM and shares again in one go: a new message, and the old one is retired.
    await h.driver.clickInMessage(USERS.mentee.id, dm, GoalActions.edit);
    const edit = await eventually(() => h.standIn.topView(USERS.mentee.id));
    await h.driver.submitView(USERS.mentee.id, edit, {
      [GoalModal.blocks.measurable]: 'Two incidents led end to end.',
      [GoalModal.blocks.shareNow]: ['share'],
    });
    await eventually(() => channelMessages().length === 2);
    await h.settle();
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', changes_comment: null, version: 5 });
    expect(textOf(current(message))).toMatch(/newer version of this goal was shared/);
    expect(buttons(channelMessages()[1]!.blocks).map((button) => button.value)).toEqual([`${goal.id}:5`, `${goal.id}:5`]);
  });

  it('keeps the comment in the modal when the goal changed while the mentor was writing, and refreshes the message', async () => {
    const goal = await draftGoal(h, pair, 'Present at all-hands');
    const message = await share(goal);
    await clickButton(h, USERS.mentor.id, message, GoalActions.requestChanges, `${goal.id}:2`);
    const modal = await eventually(() => h.standIn.topView(USERS.mentor.id));
    await h.bot.services.goals.save(
      { teamId: pair.team_id, userId: USERS.mentee.id },
      { goalId: goal.id },
      {
        title: 'Present at two all-hands',
        specific: 's',
        measurable: 'm',
        achievable: null,
        relevant: null,
        objective: null,
        targetDate: '2027-03-01',
        keyResults: [],
        milestones: [],
      },
    );
    const result = await h.driver.submitView(USERS.mentor.id, modal, { [GoalChangesModal.blocks.comment]: 'Too vague' });
    expect(result.errors?.[GoalChangesModal.blocks.comment]).toMatch(/changed while you were writing/);
    expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(modal.id);
    await eventually(() => textOf(current(message)).includes('Present at two all-hands'));
    expect((await goalRow(h, goal.id)).status).toBe('awaiting_approval');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });
});

describe('editing an approved goal', () => {
  async function approved(title: string): Promise<{ goal: Goal; message: StoredMessage; mark: number }> {
    const goal = await draftGoal(h, pair, title);
    const message = await share(goal);
    await clickButton(h, USERS.mentor.id, message, GoalActions.approve, `${goal.id}:2`);
    await eventually(async () => (await goalRow(h, goal.id)).status === 'approved');
    await h.settle();
    return { goal, message, mark: h.standIn.calls.length };
  }

  async function edit(goal: Goal, inputs: Record<string, unknown>): Promise<void> {
    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.edit, goal.id);
    const view = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect(textOf({ blocks: view.blocks })).toMatch(/sends it back to your mentor for approval/);
    const result = await h.driver.submitView(USERS.mentee.id, view, inputs);
    expect(result.errors).toBeUndefined();
    await eventually(() => latestList(h, USERS.mentee.id) !== list);
    await h.settle();
  }

  it('sends it back for approval when its substance changes: a new message for the mentor, the old one marked replaced', async () => {
    const { goal, message, mark } = await approved('Learn Rust');
    await edit(goal, { [GoalModal.blocks.targetDate]: '2027-05-01' });
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'awaiting_approval', approved_by: null, approved_at: null, version: 4 });
    expect(textOf(current(message))).toMatch(/newer version of this goal was shared/);
    const posted = callsSince(mark, 'chat.postMessage').filter((call) => call.args.channel === CHANNELS.goals.id);
    expect(posted).toHaveLength(1);
    const fresh = channelMessages().at(-1)!;
    expect(textOf(fresh)).toMatch(/approved goal has changed. <@UMENTOR>, it needs your approval again/);
    expect(buttons(fresh.blocks).map((button) => button.value)).toEqual([`${goal.id}:4`, `${goal.id}:4`]);
    expect(textOf(latestList(h, USERS.mentee.id))).toMatch(/went back to <@UMENTOR> for approval/);
  });

  it('stays approved, and posts nothing, when the edit changes nothing of substance', async () => {
    const { goal, message, mark } = await approved('Read two books');
    await edit(goal, {});
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'approved', approved_by: USERS.mentor.id, version: 3 });
    expect(callsSince(mark, 'chat.postMessage')).toHaveLength(0);
    expect(callsSince(mark, 'chat.update')).toHaveLength(0);
    expect(textOf(current(message))).toContain('Approved by');
  });
});
