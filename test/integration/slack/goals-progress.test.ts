import type { Pair } from '../../../src/db/schema';
import { GoalActions, GoalProgressModal, GoalReflectionModal } from '../../../src/slack/ids';
import {
  approvedGoal,
  buttons,
  clickButton,
  createPair,
  draftGoal,
  goalRow,
  itemsOf,
  latestList,
  showList,
  refillSendBudget,
  textOf,
} from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

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
  await refillSendBudget(h);
});

/** A button on a message the presser owns, carrying a value meant for someone else's goal. */
async function forgedPress(userId: string, actionId: string, value: string): Promise<string> {
  await h.bot.slackApp.app.client.chat.postEphemeral({
    channel: CHANNELS.goals.id,
    user: userId,
    text: 'x',
    blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: actionId, text: { type: 'plain_text', text: 'Press' }, value }] }] as never,
  });
  const count = h.standIn.ephemeralsFor(userId).length;
  await h.driver.clickInMessage(userId, h.standIn.ephemeralsFor(userId).at(-1)!, actionId);
  await eventually(() => h.standIn.ephemeralsFor(userId).length > count);
  await h.settle();
  return textOf(h.standIn.ephemeralsFor(userId).at(-1));
}

describe('updating progress', () => {
  it('records who changed each key result and milestone and when, and shows it to the other person in their zone', async () => {
    const goal = await draftGoal(h, pair, 'Ship the search', {
      keyResults: [
        { title: 'Ship 3 features', target: 3 },
        { title: 'Give a team talk', target: null },
      ],
      milestones: [
        { title: 'Draft the design doc', dueDate: '2027-01-15' },
        { title: 'Hold the review', dueDate: '2027-02-15' },
      ],
    });
    const [ship, talk, draftDoc, review] = await itemsOf(h, goal.id).then((items) => [
      items.find((i) => i.title === 'Ship 3 features')!,
      items.find((i) => i.title === 'Give a team talk')!,
      items.find((i) => i.title === 'Draft the design doc')!,
      items.find((i) => i.title === 'Hold the review')!,
    ]);

    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.progress, goal.id);
    const modal = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect(modal.callback_id).toBe(GoalProgressModal.callbackId);
    const result = await h.driver.submitView(USERS.mentee.id, modal, {
      [GoalProgressModal.numericBlock(ship!.id)]: '2',
      [GoalProgressModal.checks.block]: [talk!.id],
      [GoalProgressModal.milestones.block]: [draftDoc!.id],
    });
    expect(result.errors).toBeUndefined();
    const after = await itemsOf(h, goal.id);
    const by = (id: string) => after.find((item) => item.id === id)!;
    expect(by(ship!.id)).toMatchObject({ current_value: 2, done: false, updated_by: USERS.mentee.id });
    expect(by(ship!.id).updated_at.toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(by(talk!.id)).toMatchObject({ done: true, updated_by: USERS.mentee.id });
    expect(by(draftDoc!.id)).toMatchObject({ done: true, updated_by: USERS.mentee.id });
    expect(by(review!.id)).toMatchObject({ done: false, updated_by: null });
    await eventually(() => textOf(latestList(h, USERS.mentee.id)).includes(':chart_with_upwards_trend:'));
    expect(textOf(latestList(h, USERS.mentee.id))).toContain('67% · key results 1/2 · milestones 1/2');

    // An hour later the mentor opens it: each item says who changed it last, in the mentor's zone.
    h.clock.advance(3_600_000);
    const mentorList = await showList(h, USERS.mentor.id);
    await clickButton(h, USERS.mentor.id, mentorList, GoalActions.progress, goal.id);
    const mentorModal = await eventually(() => h.standIn.topView(USERS.mentor.id));
    const hint = mentorModal.blocks.find((block) => block.block_id === GoalProgressModal.numericBlock(ship!.id))?.hint?.text;
    expect(hint).toBe('Last updated by Theo Mentee, Mon 23 Nov 2026, 15:00 (Europe/Berlin)');
    await h.driver.submitView(USERS.mentor.id, mentorModal, { [GoalProgressModal.checks.block]: [] });
    const final = await itemsOf(h, goal.id);
    expect(final.find((item) => item.id === talk!.id)).toMatchObject({ done: false, updated_by: USERS.mentor.id });
    expect(final.find((item) => item.id === talk!.id)?.updated_at.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(final.find((item) => item.id === ship!.id)).toMatchObject({ current_value: 2, updated_by: USERS.mentee.id });
    h.clock.set('2026-11-23T16:00:00Z');
  });

  it("keeps the goal's message in the goals channel up to date, and tells the other person what moved", async () => {
    h.clock.set('2026-11-23T16:00:00Z'); // 17:00 in Berlin, 11:00 in New York: nobody's quiet hours
    const goal = await draftGoal(h, pair, 'Grow the community', {
      keyResults: [{ title: 'Reach 10 speakers', target: 10 }],
      milestones: [{ title: 'Run the first meetup', dueDate: '2027-01-20' }],
    });
    const approval = await approvedGoal(h, pair, goal);
    await h.settle();
    const items = await itemsOf(h, goal.id);
    const speakers = items.find((i) => i.title === 'Reach 10 speakers')!;
    const meetup = items.find((i) => i.title === 'Run the first meetup')!;
    const progressOf = async (userId: string, values: Record<string, unknown>) => {
      await clickButton(h, userId, await showList(h, userId), GoalActions.progress, goal.id);
      const modal = await eventually(() => h.standIn.topView(userId));
      expect((await h.driver.submitView(userId, modal, values)).errors).toBeUndefined();
      await h.settle();
    };
    const progressDms = (userId: string) => h.standIn.dmsTo(userId).filter((m) => textOf(m).includes('recorded progress'));

    await progressOf(USERS.mentee.id, { [GoalProgressModal.numericBlock(speakers.id)]: '4', [GoalProgressModal.milestones.block]: [meetup.id] });
    const toMentor = await eventually(() => progressDms(USERS.mentor.id)[0]);
    expect(textOf(toMentor)).toContain('<@UMENTEE> recorded progress on *Grow the community*');
    expect(textOf(toMentor)).toContain('Key result *Reach 10 speakers*: 0 → 4 of 10');
    expect(textOf(toMentor)).toContain('Milestone done: *Run the first meetup*');
    expect(textOf(h.standIn.findMessage(approval.channel, approval.ts))).toContain('Reach 10 speakers: 4 of 10');

    // The mentor moves it on: the mentee hears it, the mentor does not hear of their own change.
    await progressOf(USERS.mentor.id, { [GoalProgressModal.numericBlock(speakers.id)]: '10', [GoalProgressModal.milestones.block]: [meetup.id] });
    const toMentee = await eventually(() => progressDms(USERS.mentee.id)[0]);
    expect(textOf(toMentee)).toContain('Key result met: *Reach 10 speakers*: 4 → 10 of 10');
    expect(textOf(toMentee)).not.toContain('meetup');
    expect(progressDms(USERS.mentor.id)).toHaveLength(1);
    expect(textOf(h.standIn.findMessage(approval.channel, approval.ts))).toContain(':ballot_box_with_check: Reach 10 speakers: 10 of 10');

    // Saving the modal with nothing changed tells nobody anything.
    await progressOf(USERS.mentee.id, { [GoalProgressModal.numericBlock(speakers.id)]: '10', [GoalProgressModal.milestones.block]: [meetup.id] });
    expect(progressDms(USERS.mentor.id)).toHaveLength(1);
  });

  it('refuses someone outside the pair and opens nothing', async () => {
    const goal = await draftGoal(h, pair, 'Private progress');
    const reply = await forgedPress(USERS.stranger.id, GoalActions.progress, goal.id);
    expect(reply).toMatch(/not part of/);
    expect(h.standIn.callsTo('views.open').filter((call) => call.ok)).toHaveLength(0);
  });
});

describe('marking a goal achieved', () => {
  it('celebrates in the goals channel, updates the approval message and asks the mentee for a one-line reflection', async () => {
    const goal = await draftGoal(h, pair, 'Lead the migration');
    const approval = await approvedGoal(h, pair, goal);
    const list = await showList(h, USERS.mentor.id);
    await clickButton(h, USERS.mentor.id, list, GoalActions.achieve, goal.id);
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).some((m) => textOf(m).includes('You achieved')));
    await h.settle();

    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'achieved' });
    expect((await goalRow(h, goal.id)).achieved_at?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    const celebration = h.standIn.messagesIn(CHANNELS.goals.id).at(-1)!;
    expect(celebration.ts).not.toBe(approval.ts);
    expect(textOf(celebration)).toMatch(/:tada: <@UMENTEE> achieved a goal: \*Lead the migration\*/);
    expect(textOf(h.standIn.findMessage(approval.channel, approval.ts))).toContain(':trophy: Achieved');
    expect(textOf(h.standIn.findMessage(list.channel, list.ts))).toMatch(
      /is achieved[\s\S]*:trophy: Achieved: \*Lead the migration\* \(<!date\^\d+\^\{date_short\}\|2026-11-23>\)\./,
    );

    // Only the mentee writes the reflection.
    const prompt = h.standIn.dmsTo(USERS.mentee.id).find((m) => textOf(m).includes('You achieved'))!;
    expect(await forgedPress(USERS.mentor.id, GoalActions.reflect, goal.id)).toMatch(/mentee’s to write/);

    await h.driver.clickInMessage(USERS.mentee.id, prompt, GoalActions.reflect);
    const modal = await eventually(() => h.standIn.topView(USERS.mentee.id));
    const field = GoalReflectionModal.blocks.reflection;
    expect((await h.driver.submitView(USERS.mentee.id, modal, { [field]: '  ' })).errors?.[field]).toMatch(/one line/i);
    const saved = await h.driver.submitView(USERS.mentee.id, modal, { [field]: 'Asking <@UMENTOR> early made the difference' });
    expect(saved.errors).toBeUndefined();
    expect((await goalRow(h, goal.id)).reflection).toBe('Asking <@UMENTOR> early made the difference');
    await eventually(() => textOf(h.standIn.findMessage(prompt.channel, prompt.ts)).includes('Your reflection'));
    expect(buttons(h.standIn.findMessage(prompt.channel, prompt.ts)!.blocks)).toHaveLength(0);
    expect(textOf(h.standIn.findMessage(prompt.channel, prompt.ts))).toContain('Asking &lt;@UMENTOR&gt; early');
    await eventually(() => textOf(h.standIn.findMessage(approval.channel, approval.ts)).includes('reflection: _Asking &lt;@UMENTOR&gt;'));
  });

  it('is refused for a goal that is not approved, and for someone outside the pair', async () => {
    const goal = await draftGoal(h, pair, 'Not approved yet');
    expect(await forgedPress(USERS.mentee.id, GoalActions.achieve, goal.id)).toMatch(/Only an approved goal can be marked achieved/);
    expect(await forgedPress(USERS.stranger.id, GoalActions.achieve, goal.id)).toMatch(/not part of/);
    expect(await goalRow(h, goal.id)).toMatchObject({ status: 'draft', achieved_at: null });
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toHaveLength(0);
  });
});

describe('dropping a goal', () => {
  it('may be done by either person; the approval message says so and its buttons go', async () => {
    const goal = await draftGoal(h, pair, 'Maybe later');
    const list = await showList(h, USERS.mentee.id);
    await clickButton(h, USERS.mentee.id, list, GoalActions.share, goal.id);
    const message = await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id)[0]);
    const mentorList = await showList(h, USERS.mentor.id);
    await clickButton(h, USERS.mentor.id, mentorList, GoalActions.drop, goal.id);
    await eventually(async () => (await goalRow(h, goal.id)).status === 'dropped');
    await h.settle();
    expect(textOf(h.standIn.findMessage(message.channel, message.ts))).toContain(':wastebasket: Dropped');
    expect(buttons(h.standIn.findMessage(message.channel, message.ts)!.blocks)).toHaveLength(0);
    const refreshed = h.standIn.findMessage(mentorList.channel, mentorList.ts)!;
    expect(textOf(refreshed)).toContain('Dropped *Maybe later*');
    expect(buttons(refreshed.blocks).some((button) => button.value === goal.id)).toBe(false);
  });

  it('still reaches the approval message when it comes while the message is on its way to Slack', async () => {
    const goal = await draftGoal(h, pair, 'Dropped in passing');
    const list = await showList(h, USERS.mentee.id);
    // Slack shows the message at once but answers the post only when the test says: until then the
    // bot does not know where the message is, so the drop has nothing to update.
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    h.standIn.failNext('chat.postMessage', { hangMs: 8_000, afterApplying: true, release: answered });
    await clickButton(h, USERS.mentee.id, list, GoalActions.share, goal.id);
    const message = await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id)[0]);
    const mentorList = await showList(h, USERS.mentor.id);
    await clickButton(h, USERS.mentor.id, mentorList, GoalActions.drop, goal.id);
    await eventually(async () => (await goalRow(h, goal.id)).status === 'dropped');
    expect((await goalRow(h, goal.id)).share_message_ts).toBeNull();
    expect(buttons(h.standIn.findMessage(message.channel, message.ts)!.blocks)).not.toHaveLength(0);

    answer();
    await h.settle();
    expect(textOf(h.standIn.findMessage(message.channel, message.ts))).toContain(':wastebasket: Dropped');
    expect(buttons(h.standIn.findMessage(message.channel, message.ts)!.blocks)).toHaveLength(0);
    expect(h.standIn.callsTo('chat.update').filter((call) => call.args.ts === message.ts)).toHaveLength(1);
  });

  it('still reaches the approval message when it comes while Slack holds the post back, once a pass sends it', async () => {
    const goal = await draftGoal(h, pair, 'Dropped while waiting');
    const list = await showList(h, USERS.mentee.id);
    h.standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 20 });
    await clickButton(h, USERS.mentee.id, list, GoalActions.share, goal.id);
    await h.settle();
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toHaveLength(0);
    await clickButton(h, USERS.mentor.id, await showList(h, USERS.mentor.id), GoalActions.drop, goal.id);
    await h.settle();

    h.clock.advance(30_000);
    await runPass(h);
    const [message] = h.standIn.messagesIn(CHANNELS.goals.id);
    expect(textOf(message)).toContain(':wastebasket: Dropped');
    expect(buttons(message!.blocks)).toHaveLength(0);
  });

  it("asks each person in their own words: the mentee drops one of their goals, the mentor one of the mentee's", async () => {
    const goal = await draftGoal(h, pair, 'Ask me first');
    const confirmOf = async (userId: string): Promise<string> => {
      const list = await showList(h, userId);
      const drop = (list.blocks ?? []).flatMap((block) => block.elements ?? []).find((e) => e.action_id === GoalActions.drop && e.value === goal.id);
      return drop.confirm.text.text;
    };
    expect(await confirmOf(USERS.mentee.id)).toBe('It will no longer count as one of your goals. This cannot be undone.');
    const mentorConfirm = await confirmOf(USERS.mentor.id);
    expect(mentorConfirm).toBe("It will no longer count as one of Theo Mentee's goals. This cannot be undone.");
    expect(mentorConfirm).not.toContain('your goals');
  });

  it('is refused for someone outside the pair, and for a goal already closed', async () => {
    const goal = await draftGoal(h, pair, 'Keep me');
    expect(await forgedPress(USERS.other.id, GoalActions.drop, goal.id)).toMatch(/not part of/);
    expect((await goalRow(h, goal.id)).status).toBe('draft');
    await h.bot.services.goals.drop({ teamId: pair.team_id, userId: USERS.mentee.id }, goal.id);
    expect(await forgedPress(USERS.mentee.id, GoalActions.drop, goal.id)).toMatch(/dropped; it can no longer be changed/);
  });
});
