import type { Pair } from '../../../src/db/schema';
import { swotModal } from '../../../src/slack/blocks/swot-modal';
import { GoalActions, GoalModal, SwotModal } from '../../../src/slack/ids';
import { buttons, clickButton, createPair, goalInputs, goalsOf, openAddGoal, showList, textOf } from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

const { blocks: b } = SwotModal;
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

const swotRow = () => h.db.kysely.selectFrom('swot_assessments').selectAll().where('pair_id', '=', pair.id).executeTakeFirst();

async function openSwot(userId: string) {
  const list = await showList(h, userId);
  await clickButton(h, userId, list, GoalActions.swot, pair.id);
  return eventually(() => h.standIn.topView(userId));
}

describe('the SWOT self-assessment', () => {
  it('tells the mentor, before the mentee has written it, that it is theirs to write', async () => {
    const view = await openSwot(USERS.mentor.id);
    expect(textOf({ blocks: view.blocks })).toMatch(/<@UMENTEE> has not filled in the SWOT yet/);
    expect(view.submit ?? null).toBeNull();
  });

  it('is filled in by the mentee from the goals view, and updated later with what was there', async () => {
    const view = await openSwot(USERS.mentee.id);
    expect(view.callback_id).toBe(SwotModal.callbackId);
    const result = await h.driver.submitView(USERS.mentee.id, view, {
      [b.strengths]: 'Clear writing <!channel>',
      [b.weaknesses]: 'Public speaking',
      [b.opportunities]: 'New team forming',
    });
    expect(result.errors).toBeUndefined();
    expect(await swotRow()).toMatchObject({
      strengths: 'Clear writing <!channel>',
      weaknesses: 'Public speaking',
      opportunities: 'New team forming',
      threats: null,
      updated_by: USERS.mentee.id,
    });

    const list = await showList(h, USERS.mentee.id);
    expect(buttons(list.blocks)).toContainEqual(expect.objectContaining({ actionId: GoalActions.swot, text: 'Update your SWOT' }));
    await clickButton(h, USERS.mentee.id, list, GoalActions.swot, pair.id);
    const again = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect(again.blocks.find((block) => block.block_id === b.weaknesses)?.element.initial_value).toBe('Public speaking');
    await h.driver.submitView(USERS.mentee.id, again, { [b.threats]: 'Reorg' });
    expect(await swotRow()).toMatchObject({ weaknesses: 'Public speaking', threats: 'Reorg' });
  });

  it('can be read, not edited, by the mentor, escaped and with who updated it when in their zone', async () => {
    const view = await openSwot(USERS.mentor.id);
    const text = textOf({ blocks: view.blocks });
    expect(text).toContain('Clear writing &lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Last updated by <@UMENTEE>, Mon 23 Nov 2026, 15:00 (Europe/Berlin)');
    expect(view.blocks.some((block) => block.type === 'input')).toBe(false);
  });

  it('refuses a save by the mentor, even from a forged form, and keeps the assessment as it was', async () => {
    const before = await swotRow();
    const client = h.bot.slackApp.app.client;
    await client.views.open({ trigger_id: h.standIn.issueTriggerId(USERS.mentor.id), view: swotModal(pair.id, null) as never });
    const forged = h.standIn.topView(USERS.mentor.id)!;
    const result = await h.driver.submitView(USERS.mentor.id, forged, { [b.strengths]: 'Overwritten' });
    expect(result.errors?.[b.strengths]).toMatch(/Only the mentee fills in the SWOT/);
    expect(await swotRow()).toEqual(before);
  });

  it('is not shown to, or saved by, anyone outside the pair', async () => {
    await h.bot.slackApp.app.client.chat.postEphemeral({
      channel: CHANNELS.goals.id,
      user: USERS.stranger.id,
      text: 'x',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.swot, text: { type: 'plain_text', text: 'SWOT' }, value: pair.id }] },
      ] as never,
    });
    await h.driver.clickInMessage(USERS.stranger.id, h.standIn.ephemeralsFor(USERS.stranger.id).at(-1)!, GoalActions.swot);
    await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).length === 2);
    expect(textOf(h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).toMatch(/not part of that mentorship/);
    expect(h.standIn.callsTo('views.open').filter((call) => call.ok)).toHaveLength(0);

    const before = await swotRow();
    await h.bot.slackApp.app.client.views.open({ trigger_id: h.standIn.issueTriggerId(USERS.stranger.id), view: swotModal(pair.id, null) as never });
    const result = await h.driver.submitView(USERS.stranger.id, h.standIn.topView(USERS.stranger.id)!, { [b.strengths]: 'Mine now' });
    expect(result.errors?.[b.strengths]).toMatch(/not part of that mentorship/);
    expect(await swotRow()).toEqual(before);
  });

  it('opens on top of the goal modal to help pick a goal, and the goal form comes back as it was typed', async () => {
    const goalView = await openAddGoal(h, USERS.mentee.id, pair.id);
    // What the mentee has typed so far lives in the view's state, as Slack keeps it.
    h.standIn.setViewState(goalView.id, {
      [GoalModal.blocks.title]: { [GoalModal.actions.title]: { type: 'plain_text_input', value: 'Speak at a conference' } },
    });
    await h.driver.clickInView(USERS.mentee.id, goalView, GoalModal.actions.openSwot);
    const pushed = await eventually(() => h.standIn.openViews(USERS.mentee.id).length === 2 && h.standIn.topView(USERS.mentee.id));
    expect(pushed.callback_id).toBe(SwotModal.callbackId);
    expect(pushed.blocks.find((block) => block.block_id === b.weaknesses)?.element.initial_value).toBe('Public speaking');

    await h.driver.submitView(USERS.mentee.id, pushed, { [b.weaknesses]: 'Public speaking, big rooms' });
    const back = h.standIn.topView(USERS.mentee.id)!;
    expect(back.id).toBe(goalView.id);
    expect(back.state.values[GoalModal.blocks.title]?.[GoalModal.actions.title]?.value).toBe('Speak at a conference');
    const saved = await h.driver.submitView(USERS.mentee.id, back, goalInputs({ [GoalModal.blocks.title]: 'Speak at a conference' }));
    expect(saved.errors).toBeUndefined();
    expect((await goalsOf(h, pair.id)).map((goal) => goal.title)).toEqual(['Speak at a conference']);
    expect((await swotRow())?.weaknesses).toBe('Public speaking, big rooms');
  });

  it('opens read-only on top of the goal modal for the mentor', async () => {
    const goalView = await openAddGoal(h, USERS.mentor.id, pair.id);
    await h.driver.clickInView(USERS.mentor.id, goalView, GoalModal.actions.openSwot);
    const pushed = await eventually(() => h.standIn.openViews(USERS.mentor.id).length === 2 && h.standIn.topView(USERS.mentor.id));
    expect(textOf({ blocks: pushed.blocks })).toContain('Public speaking, big rooms');
    expect(pushed.submit ?? null).toBeNull();
  });
});
