import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { FeedbackActions, FeedbackModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { createPair, postDmWithButton, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const PAT = { id: 'UPAT', name: 'pat', realName: 'Pat Peer', tz: 'Australia/Sydney' };
const { request: r, answer: an, example: ex } = FeedbackModal;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  h.standIn.addUser(PAT);
  await createPair(h, mentor, mentee);
  await createPair(h, other, PAT);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const requestOn = (area: string) => h.db.kysely.selectFrom('feedback_requests').selectAll().where('area', '=', area).executeTakeFirstOrThrow();
const latest = (message: StoredMessage) => h.standIn.findMessage(message.channel, message.ts)!;

/** `from` asks `to` on `area`, `to` answers (the answer DM may wait for `from`'s quiet hours to end). */
async function askAndAnswer(from: string, to: string, area: string, answer: string): Promise<void> {
  await h.driver.command(from, 'feedback');
  const requestView = await eventually(() => h.standIn.topView(from));
  expect((await h.driver.submitView(from, requestView, { [r.blocks.area]: area })).errors).toBeUndefined();
  const request = await eventually(() => h.standIn.dmsTo(to).find((m) => shown(m).includes(area) && m.text.includes('asks for your feedback')));
  await h.driver.clickInMessage(to, request, FeedbackActions.answer);
  const answerView = await eventually(() => h.standIn.topView(to));
  expect((await h.driver.submitView(to, answerView, { [an.blocks.answer]: answer })).errors).toBeUndefined();
}

/** `from` asks `to` on `area`, `to` answers; returns the answer DM `from` got. */
async function answered(from: string, to: string, area: string, answer = 'Lead with the decision.'): Promise<StoredMessage> {
  await askAndAnswer(from, to, area, answer);
  return eventually(() => h.standIn.dmsTo(from).find((m) => shown(m).includes(area) && m.text.includes('answered your feedback')));
}

/** The person who asked presses "Ask for an example"; returns the DM the answerer got. */
async function askExample(from: string, to: string, answer: StoredMessage): Promise<StoredMessage> {
  await h.driver.clickInMessage(from, answer, FeedbackActions.askExample);
  return eventually(() => h.standIn.dmsTo(to).find((m) => m.text.includes('asks for a concrete example')));
}

describe('asking for a concrete example of a feedback answer', () => {
  it('runs the loop: the asker asks, the answerer gets the answer quoted with a button, gives the example, the asker gets it', async () => {
    const answer = await answered(mentee.id, mentor.id, 'writing design docs', 'Lead with the decision, then the options.');
    expect(shown(answer)).toContain(FeedbackActions.askExample);

    h.clock.set('2026-11-23T15:00:00Z');
    const asked = await askExample(mentee.id, mentor.id, answer);
    // The mentor's DM quotes the request and the answer, and carries the button to give the example.
    expect(shown(asked)).toContain('What is one thing I could improve in writing design docs?');
    expect(shown(asked)).toContain('Lead with the decision, then the options.');
    expect(shown(asked)).toContain(FeedbackActions.giveExample);
    // The mentee's answer DM is redrawn without the button, saying when they asked (in New York).
    const redrawn = await eventually(() => (shown(latest(answer)).includes(FeedbackActions.askExample) ? undefined : latest(answer)));
    expect(shown(redrawn)).toContain('You asked <@UMENTOR> for an example, Mon 23 Nov 2026, 10:00 (America/New_York)');
    expect(shown(redrawn)).toContain(FeedbackActions.apply);
    await eventually(() => h.standIn.ephemeralsFor(mentee.id).find((m) => m.text.includes('for a concrete example')));

    await h.driver.clickInMessage(mentor.id, asked, FeedbackActions.giveExample);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    expect(view.callback_id).toBe(ex.callbackId);
    expect(JSON.stringify(view.blocks)).toContain('Lead with the decision, then the options.');
    h.clock.set('2026-11-23T16:00:00Z');
    await h.driver.appHomeOpened(mentee.id); // the mentee has their Home open: the example republishes it
    expect((await h.driver.submitView(mentor.id, view, { [ex.blocks.example]: 'Your RFC on caching: the decision was on page 4.' })).errors).toBeUndefined();

    const example = await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.includes('gave an example')));
    expect(shown(example)).toContain('Your RFC on caching: the decision was on page 4.');
    expect(shown(example)).toContain('Lead with the decision, then the options.');
    // The mentor's DM loses its button once the example is given, saying when (in Berlin).
    const given = await eventually(() => latest(asked).edited && latest(asked));
    expect(shown(given)).not.toContain(FeedbackActions.giveExample);
    expect(shown(given)).toContain('You gave an example Mon 23 Nov 2026, 17:00 (Europe/Berlin)');

    const row = await requestOn('writing design docs');
    expect(row.example).toBe('Your RFC on caching: the decision was on page 4.');
    expect(row.example_asked_at).toEqual(new Date('2026-11-23T15:00:00Z'));
    expect(row.example_given_at).toEqual(new Date('2026-11-23T16:00:00Z'));
    // Shown on the mentee's open Home next to the answer (refreshed through the plan).
    await eventually(() => JSON.stringify(h.standIn.homeView(mentee.id)?.blocks ?? []).includes('Your RFC on caching'));
    h.clock.set('2026-11-23T14:00:00Z');
  });

  it('lets a mentor who asked ask for an example too', async () => {
    const answer = await answered(mentor.id, mentee.id, 'my one-on-ones');
    const asked = await askExample(mentor.id, mentee.id, answer);
    expect(shown(asked)).toContain('my one-on-ones');
    expect((await requestOn('my one-on-ones')).example_asked_at).toBeInstanceOf(Date);
  });

  it('treats a second "Ask for an example" as a stale button: the DM is redrawn, nothing changes, no second DM', async () => {
    const answer = await answered(mentee.id, mentor.id, 'standups');
    await askExample(mentee.id, mentor.id, answer);
    const first = await requestOn('standups');
    // Another copy of the answer DM (an old one, a second device) still shows the button.
    const copy = await postDmWithButton(h, mentee.id, FeedbackActions.askExample, first.id);
    await h.driver.clickInMessage(mentee.id, copy, FeedbackActions.askExample);
    await eventually(() => h.standIn.ephemeralsFor(mentee.id).find((m) => m.text.includes('already asked for an example')));
    await h.settle();
    expect((await requestOn('standups')).example_asked_at).toEqual(first.example_asked_at);
    expect(h.standIn.dmsTo(mentor.id).filter((m) => m.text.includes('asks for a concrete example'))).toHaveLength(1);
    // The copy is redrawn as things stand: no button, and when the example was asked for.
    expect(shown(latest(copy))).not.toContain(FeedbackActions.askExample);
    expect(shown(latest(copy))).toContain('You asked <@UMENTOR> for an example');
    expect(shown(latest(answer))).not.toContain(FeedbackActions.askExample);
  });

  it('treats a second "Give an example" as a stale button, and refuses a second submission of the modal', async () => {
    const answer = await answered(mentee.id, mentor.id, 'retros');
    const asked = await askExample(mentee.id, mentor.id, answer);
    const requestId = (await requestOn('retros')).id;
    // Two copies of the DM (two devices): the modal opened from each, both submitted.
    const copy = await postDmWithButton(h, mentor.id, FeedbackActions.giveExample, requestId);
    await h.driver.clickInMessage(mentor.id, asked, FeedbackActions.giveExample);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    h.standIn.closeView(mentor.id, view.id);
    await h.driver.clickInMessage(mentor.id, copy, FeedbackActions.giveExample);
    const second = await eventually(() => h.standIn.topView(mentor.id));
    expect((await h.driver.submitView(mentor.id, second, { [ex.blocks.example]: 'The first one.' })).errors).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.includes('gave an example')));

    await h.driver.clickInMessage(mentor.id, asked, FeedbackActions.giveExample);
    await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text.includes('already given an example')));
    await h.settle();
    expect(shown(latest(asked))).not.toContain(FeedbackActions.giveExample);
    expect((await requestOn('retros')).example).toBe('The first one.');
    expect(h.standIn.dmsTo(mentee.id).filter((m) => m.text.includes('gave an example'))).toHaveLength(1);
  });

  it('refuses an empty example on its field', async () => {
    const answer = await answered(mentee.id, mentor.id, 'naming things');
    const asked = await askExample(mentee.id, mentor.id, answer);
    await h.driver.clickInMessage(mentor.id, asked, FeedbackActions.giveExample);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    const result = await h.driver.submitView(mentor.id, view, { [ex.blocks.example]: '   ' });
    expect(result.errors?.[ex.blocks.example]).toMatch(/concrete moment/);
    expect((await requestOn('naming things')).example).toBeNull();
  });

  it.each([
    ['the person who answered', mentor.id],
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])('refuses %s pressing "Ask for an example", and nothing changes', async (_who, userId) => {
    const area = `example asked by ${userId}`;
    await answered(mentee.id, mentor.id, area);
    const forged = await postDmWithButton(h, userId, FeedbackActions.askExample, (await requestOn(area)).id);
    await h.driver.clickInMessage(userId, forged, FeedbackActions.askExample);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text.includes("can't find")));
    expect(shown(refusal)).not.toContain(area);
    expect((await requestOn(area)).example_asked_at).toBeNull();
  });

  it.each([
    ['the person who asked', mentee.id],
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])('refuses %s pressing "Give an example", and opens nothing', async (_who, userId) => {
    const area = `example given by ${userId}`;
    await askExample(mentee.id, mentor.id, await answered(mentee.id, mentor.id, area));
    const forged = await postDmWithButton(h, userId, FeedbackActions.giveExample, (await requestOn(area)).id);
    await h.driver.clickInMessage(userId, forged, FeedbackActions.giveExample);
    await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text.includes("can't find")));
    expect(h.standIn.topView(userId)).toBeUndefined();
  });

  it('refuses an example modal whose metadata points at another pair’s request', async () => {
    await askExample(mentee.id, mentor.id, await answered(mentee.id, mentor.id, 'forged example target'));
    const target = await requestOn('forged example target');
    // Pat (asleep in Sydney: his answer DM waits) asks for an example from a copy of it; Olga is asked at once.
    await askAndAnswer(PAT.id, other.id, 'olga pair', 'Fewer slides.');
    const patCopy = await postDmWithButton(h, PAT.id, FeedbackActions.askExample, (await requestOn('olga pair')).id);
    await h.driver.clickInMessage(PAT.id, patCopy, FeedbackActions.askExample);
    const olgaAsked = await eventually(() => h.standIn.dmsTo(other.id).find((m) => m.text.includes('asks for a concrete example')));
    await h.driver.clickInMessage(other.id, olgaAsked, FeedbackActions.giveExample);
    const olgaView = await eventually(() => h.standIn.topView(other.id));
    h.standIn.findView(olgaView.id)!.private_metadata = JSON.stringify({ requestId: target.id });
    const result = await h.driver.submitView(other.id, olgaView, { [ex.blocks.example]: 'gotcha' });
    expect(result.errors?.[ex.blocks.example]).toMatch(/can't find/);
    expect((await requestOn('forged example target')).example).toBeNull();
  });
});
