import { ExpectationsActions, ExpectationsModal, ExpectationsReadModal, PairEndModal, PairLifeActions } from '../../../src/slack/ids';
import { textOf } from '../../support/goal-fixtures';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { postButton } from '../../support/meeting-fixtures';
import { sendViewSubmission } from '../../support/raw-slack';
import { runPass } from '../../support/outbox';
import { dmWithButton, openFrom, pairOf, setUpPair, statusOf } from '../../support/pair-life-fixtures';
import { eventually } from '../../support/wait';

/**
 * Expectations agreed at the start (issue 14, point 2), through Slack: offered by the welcome DM and
 * the first meeting's prep nudge and agenda; one proposes, the other confirms or amends; Home and
 * status show them; only the pair's two people reach them; an ended pair's are read-only.
 */
const { mentor, mentee, stranger, other, coordinator } = USERS;
const { blocks: b } = ExpectationsModal;
let h: Harness;
let pairId: string;

beforeAll(async () => {
  // 15:00 in Berlin, 09:00 in New York: nobody's notice waits for the end of their night.
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  await setUpPair(h, coordinator.id, { mentor: mentor.id, mentee: mentee.id });
  pairId = (await pairOf(h, mentor.id, mentee.id))!.id;
});
afterAll(() => h.close());

const row = () => h.db.kysely.selectFrom('pair_expectations').selectAll().where('pair_id', '=', pairId).executeTakeFirst();
const initialValue = (view: { blocks: unknown[] }, blockId: string) =>
  (view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find((block) => block.block_id === blockId)?.element?.initial_value;
/** The form's four answers: the same terms between meetings and boundaries each time, a feedback style and the submitter's hope. */
const answers = (feedbackStyle: string, myHope: string) => ({
  [b.betweenMeetings]: 'A thread for quick questions <!channel>, an update every Friday',
  [b.feedbackStyle]: feedbackStyle,
  [b.boundaries]: 'Nothing after 18:00; what we say stays between us',
  [b.myHope]: myHope,
});
/** The newest DM to `userId` matching `pattern` that carries a button `actionId`. */
const noticeTo = (userId: string, pattern: RegExp, actionId: string) =>
  eventually(() => {
    const message = dmWithButton(h, userId, actionId);
    return message && pattern.test(message.text) ? message : undefined;
  });

it('offers the form in the welcome DM; an empty form is refused under its field, and a proposal reaches the other person with Confirm', async () => {
  const welcome = await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.startsWith('Welcome')));
  const modal = await openFrom(h, mentee.id, welcome, ExpectationsActions.open);
  expect(modal.callback_id).toBe(ExpectationsModal.callbackId);
  const empty = await h.driver.submitView(mentee.id, modal, {});
  expect(empty.errors?.[b.betweenMeetings]).toMatch(/at least one expectation/);
  expect(await row()).toBeUndefined();

  const saved = await h.driver.submitView(mentee.id, modal, answers('Direct and specific', 'Grow into a tech lead'));
  expect(saved.errors).toBeUndefined();
  await h.settle();
  expect(await row()).toMatchObject({ proposed_by: mentee.id, agreed_at: null, version: 1, mentee_hope: 'Grow into a tech lead', mentor_hope: null });
  const notice = await noticeTo(mentor.id, /proposed expectations/, ExpectationsActions.confirm);
  expect(textOf(notice)).toContain('Direct and specific');
  // What was typed reaches Slack as text, never as a broadcast.
  expect(textOf(notice)).toContain('&lt;!channel&gt;');
  expect(textOf(notice)).not.toContain('<!channel>');
});

it('the other person amends: the form opens prefilled, keeps the first hope, and the first person is asked in turn', async () => {
  const notice = dmWithButton(h, mentor.id, ExpectationsActions.confirm)!;
  const modal = await openFrom(h, mentor.id, notice, ExpectationsActions.open);
  expect(initialValue(modal, b.feedbackStyle)).toBe('Direct and specific');
  // Maria's own hope is hers to write; Theo's is shown, not editable.
  expect(initialValue(modal, b.myHope)).toBeUndefined();
  expect(textOf({ blocks: modal.blocks })).toContain('Grow into a tech lead');
  const saved = await h.driver.submitView(mentor.id, modal, answers('Direct and specific, in writing after each meeting', 'Learn to coach'));
  expect(saved.errors).toBeUndefined();
  await h.settle();
  expect(await row()).toMatchObject({
    proposed_by: mentor.id,
    version: 2,
    mentor_hope: 'Learn to coach',
    mentee_hope: 'Grow into a tech lead',
    agreed_at: null,
  });
  const amended = await noticeTo(mentee.id, /amended/, ExpectationsActions.confirm);
  expect(textOf(amended)).toContain('in writing after each meeting');

  // Confirm pressed on Maria's older notice (version 1): refused, the message redrawn as things stand, nothing changes.
  await h.driver.clickInMessage(mentor.id, notice, ExpectationsActions.confirm);
  await h.settle();
  await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => /changed since/.test(m.text)));
  const redrawn = h.standIn.findMessage(notice.channel, notice.ts)!;
  expect(textOf(redrawn)).toContain('in writing after each meeting');
  expect(textOf(redrawn)).not.toContain(ExpectationsActions.confirm);
  expect(await row()).toMatchObject({ version: 2, agreed_at: null });
});

it('the first person confirms: agreed by both, the other told, and Home and status show them with a way back to the form', async () => {
  const notice = dmWithButton(h, mentee.id, ExpectationsActions.confirm)!;
  await h.driver.appHomeOpened(mentee.id); // the mentee has their Home open beside the DM: the confirmation republishes it
  await h.driver.clickInMessage(mentee.id, notice, ExpectationsActions.confirm);
  await h.settle();
  expect((await row())!.agreed_at).not.toBeNull();
  await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => /confirmed your mentorship's expectations/.test(m.text)));
  expect(textOf(h.standIn.findMessage(notice.channel, notice.ts))).not.toContain(ExpectationsActions.confirm);

  const status = await statusOf(h, mentor.id);
  expect(textOf(status)).toContain('Agreed by both');
  expect(textOf(status)).toContain('Learn to coach');
  const home = await eventually(() => {
    const view = h.standIn.homeView(mentee.id);
    return view && textOf({ blocks: view.blocks }).includes('Agreed by both') ? view : undefined;
  });
  expect(textOf({ blocks: home.blocks })).toContain(ExpectationsActions.open);
  // From status, the form opens again, as agreed.
  const modal = await openFrom(h, mentor.id, status, ExpectationsActions.open);
  expect(initialValue(modal, b.myHope)).toBe('Learn to coach');
  h.standIn.closeView(mentor.id, modal.id);
});

it('refuses an answer longer than the form allows (a forged submission) under its own field, and saves nothing', async () => {
  const modal = await openFrom(h, mentee.id, await statusOf(h, mentee.id), ExpectationsActions.open);
  const before = await row();
  const text = (value: string) => ({ type: 'plain_text_input', value });
  const response = await sendViewSubmission(h, mentee.id, modal, {
    [b.feedbackStyle]: { [ExpectationsModal.actions.feedbackStyle]: text('Kind') },
    [b.boundaries]: { [ExpectationsModal.actions.boundaries]: text('x'.repeat(1001)) },
  });
  expect(response.json).toEqual({ response_action: 'errors', errors: { [b.boundaries]: expect.stringMatching(/under 1000 characters/) } });
  expect(await row()).toEqual(before);
  h.standIn.closeView(mentee.id, modal.id);
});

it('offers the form in the first meeting: its prep nudge, and its agenda modal (pushed on top of the agenda)', async () => {
  // The prep nudge is due 24 hours before Tuesday 1 December, 10:00 in Berlin: 04:00 in New York, so it waits for Theo's 08:00.
  h.clock.set('2026-11-30T13:30:00Z');
  await runPass(h);
  await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => /prepare the agenda/.test(m.text) && textOf(m).includes(ExpectationsActions.open)));
  await h.driver.command(mentee.id, 'agenda');
  const agenda = await eventually(() => h.standIn.topView(mentee.id));
  expect(agenda.callback_id).toBe('agenda');
  const pushes = h.standIn.callsTo('views.push').length;
  await h.driver.clickInView(mentee.id, agenda, ExpectationsActions.open);
  await eventually(() => h.standIn.callsTo('views.push').length > pushes);
  expect((await eventually(() => h.standIn.topView(mentee.id))).callback_id).toBe(ExpectationsModal.callbackId);
});

it('waits for an invited pair to start: its expectations are agreed after the invitation is accepted', async () => {
  await setUpPair(h, other.id, { mentor: other.id, mentee: stranger.id });
  const invited = (await pairOf(h, other.id, stranger.id))!;
  expect(invited.status).toBe('invited');
  const opens = h.standIn.callsTo('views.open').length;
  await h.driver.clickInMessage(other.id, await postButton(h, other.id, ExpectationsActions.open, invited.id), ExpectationsActions.open);
  await h.settle();
  await eventually(() => h.standIn.ephemeralsFor(other.id).find((m) => /accept the invitation first/.test(m.text)));
  expect(h.standIn.callsTo('views.open').length).toBe(opens);
});

it('refuses a stranger: no form opens and nothing of the pair is shown', async () => {
  const opens = h.standIn.callsTo('views.open').length;
  const forged = await postButton(h, stranger.id, ExpectationsActions.open, pairId);
  await h.driver.clickInMessage(stranger.id, forged, ExpectationsActions.open);
  await h.settle();
  await eventually(() => h.standIn.ephemeralsFor(stranger.id).find((m) => /not part of that mentorship pair/.test(m.text)));
  expect(h.standIn.callsTo('views.open').length).toBe(opens);
  const confirm = await postButton(h, stranger.id, ExpectationsActions.confirm, `${pairId}:2`);
  await h.driver.clickInMessage(stranger.id, confirm, ExpectationsActions.confirm);
  await h.settle();
  expect(h.standIn.ephemeralsFor(stranger.id).filter((m) => /not part of that mentorship pair/.test(m.text))).toHaveLength(2);
  expect(h.standIn.dmsTo(stranger.id).some((m) => textOf(m).includes('Learn to coach'))).toBe(false);
});

it('after the end: a stale Confirm changes nothing and redraws its message; the expectations stay readable, not changeable', async () => {
  h.clock.set('2026-12-02T14:00:00Z');
  // Theo amends once more, so Maria has a Confirm waiting; then Maria ends the pair.
  const modal = await openFrom(h, mentee.id, await statusOf(h, mentee.id), ExpectationsActions.open);
  await h.driver.submitView(mentee.id, modal, { [b.feedbackStyle]: 'Kind and direct', [b.myHope]: 'Grow into a tech lead' });
  await h.settle();
  const waiting = await noticeTo(mentor.id, /amended/, ExpectationsActions.confirm);
  const end = await openFrom(h, mentor.id, await statusOf(h, mentor.id), PairLifeActions.end);
  await h.driver.submitView(mentor.id, end, { [PairEndModal.blocks.reason]: 'New job' });
  await h.settle();
  expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'ended' });
  const before = await row();

  await h.driver.clickInMessage(mentor.id, waiting, ExpectationsActions.confirm);
  await h.settle();
  await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => /has ended: its expectations can be read/.test(m.text)));
  expect(await row()).toEqual(before);
  const redrawn = h.standIn.findMessage(waiting.channel, waiting.ts)!;
  expect(textOf(redrawn)).toContain('This mentorship has ended');
  expect(textOf(redrawn)).not.toContain(ExpectationsActions.confirm);

  const readOnly = await openFrom(h, mentee.id, await statusOf(h, mentee.id), ExpectationsActions.open);
  expect(readOnly.callback_id).toBe(ExpectationsReadModal.callbackId);
  expect(textOf({ blocks: readOnly.blocks })).toContain('Kind and direct');
});
