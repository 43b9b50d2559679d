import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { FeedbackActions, FeedbackModal, OpenActions, PairPicker } from '../../../src/slack/ids';
import { CHANNELS, commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { addMeeting, allSeenBy, createPair, postDmWithButton, postEphemeralWithButton, publishHomeWithButton, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const PAT = { id: 'UPAT', name: 'pat', realName: 'Pat Peer', tz: 'Australia/Sydney' };
const { request: r, answer: an, apply: ap } = FeedbackModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  h.standIn.addUser(PAT);
  pair = await createPair(h, mentor, mentee);
  await createPair(h, other, PAT);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const requests = () => h.db.kysely.selectFrom('feedback_requests').selectAll().orderBy('created_at').execute();
/** The request asked on `area`: each test asks on its own area (rows asked at the same instant have no order to go by). */
const requestOn = async (area: string) => (await requests()).find((req) => req.area === area)!;
const inputOf = (view: StoredView, blockId: string) => view.blocks.find((b) => b.block_id === blockId)?.element;

async function openRequestModal(userId: string, text = 'feedback'): Promise<StoredView> {
  const response = await h.driver.command(userId, text);
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

/** Theo (or `from`) asks; returns the DM the other person got. */
async function ask(from: string, to: string, inputs: Record<string, unknown>) {
  const view = await openRequestModal(from);
  const result = await h.driver.submitView(from, view, inputs);
  expect(result.errors).toBeUndefined();
  return eventually(() => h.standIn.dmsTo(to).at(-1));
}

describe('/mentorship feedback: asking', () => {
  it('opens the request modal with the suggested form of question, for the only pair', async () => {
    const view = await openRequestModal(mentee.id);
    expect(view.callback_id).toBe(r.callbackId);
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain('What is one thing I could improve in');
  });

  it('pre-fills the area and the suggested question from the words after the command', async () => {
    const view = await openRequestModal(mentee.id, 'feedback  running retros ');
    expect(inputOf(view, r.blocks.area)?.initial_value).toBe('running retros');
    expect(inputOf(view, r.blocks.question)?.initial_value).toBe('What is one thing I could improve in running retros?');
  });

  it("pre-fills the area with the feedback focus of the pair's nearest meeting agenda", async () => {
    await addMeeting(h, pair, { sequence: 20, at: '2026-11-24T09:00:00Z', status: 'scheduled', feedbackFocus: 'code reviews' });
    const view = await openRequestModal(mentee.id);
    expect(inputOf(view, r.blocks.area)?.initial_value).toBe('code reviews');
    await sql`delete from meetings where sequence = 20`.execute(h.db.kysely);
  });

  it('asks the other person by DM with an Answer button, linked to the nearest scheduled meeting, times in their zone', async () => {
    const dm = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'presenting my designs' });
    const text = shown(dm);
    expect(text).toContain('What is one thing I could improve in presenting my designs?');
    expect(text).toContain(FeedbackActions.answer);
    // Asked at 12:00Z = 13:00 in Berlin; the first meeting is 1 Dec 10:00 Berlin.
    expect(text).toContain('Mon 23 Nov 2026, 15:00 (Europe/Berlin)');
    expect(text).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    const row = await requestOn('presenting my designs');
    const firstMeeting = await h.db.kysely
      .selectFrom('meetings')
      .select('id')
      .where('pair_id', '=', pair.id)
      .where('sequence', '=', 0)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      requester_id: mentee.id,
      responder_id: mentor.id,
      area: 'presenting my designs',
      status: 'requested',
      meeting_id: firstMeeting.id,
    });
    const confirmation = await eventually(() => h.standIn.ephemeralsFor(mentee.id)[0]);
    expect(shown(confirmation)).toContain(`Asked <@${mentor.id}> for feedback`);
  });

  it('keeps a question the person wrote instead of the suggestion', async () => {
    await ask(mentee.id, mentor.id, { [r.blocks.area]: 'estimates', [r.blocks.question]: 'Were my estimates in the planning too optimistic?' });
    expect((await requestOn('estimates')).question).toBe('Were my estimates in the planning too optimistic?');
  });

  it('refuses an empty area on its field and keeps the modal open', async () => {
    const before = (await requests()).length;
    const view = await openRequestModal(mentee.id);
    const result = await h.driver.submitView(mentee.id, view, { [r.blocks.area]: ' ?? ' });
    expect(result.errors?.[r.blocks.area]).toMatch(/one area/);
    expect(h.standIn.topView(mentee.id)?.id).toBe(view.id);
    expect(await requests()).toHaveLength(before);
  });

  it('answers an area too long to be specific with an ephemeral hint and opens nothing', async () => {
    const response = await h.driver.command(mentee.id, `feedback ${'word '.repeat(40)}`);
    expect(response.json.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.json.blocks)).toMatch(/one specific area/);
    await h.settle();
    expect(h.standIn.topView(mentee.id)).toBeUndefined();
  });

  it('tells a stranger how to start a pair', async () => {
    const { status, replies } = await commandAnsweredLater(h, stranger.id, 'feedback');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/not in a mentorship pair yet/);
    expect(h.standIn.topView(stranger.id)).toBeUndefined();
  });

  it('escapes mentions and broadcasts typed into the area and the question', async () => {
    const dm = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'talks <!here>', [r.blocks.question]: `Ask <@${stranger.id}> & <!channel>?` });
    const text = shown(dm);
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain(`&lt;@${stranger.id}&gt; &amp; &lt;!channel&gt;`);
    expect(text).not.toMatch(/<!here>|<!channel>|<@USTRANGER>/);
  });

  it('refuses a forged pair id in the modal metadata', async () => {
    const before = (await requests()).length;
    const view = await openRequestModal(mentee.id);
    const olgaPair = await h.db.kysely.selectFrom('pairs').select('id').where('mentor_id', '=', other.id).executeTakeFirstOrThrow();
    h.standIn.findView(view.id)!.private_metadata = JSON.stringify({ pairId: olgaPair.id });
    const result = await h.driver.submitView(mentee.id, view, { [r.blocks.area]: 'anything' });
    expect(result.errors?.[r.blocks.area]).toMatch(/not part of that mentorship/);
    expect(await requests()).toHaveLength(before);
    expect(h.standIn.dmsTo(other.id)).toHaveLength(0);
  });
});

describe('answering and applying feedback', () => {
  it('runs the whole loop: answer by DM, the mentee reports how they applied it, the mentor is told', async () => {
    const request = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'writing design docs' });
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    const answerView = await eventually(() => h.standIn.topView(mentor.id));
    expect(answerView.callback_id).toBe(an.callbackId);
    expect(JSON.stringify(answerView.blocks)).toContain('writing design docs');
    h.clock.set('2026-11-23T15:30:00Z');
    expect((await h.driver.submitView(mentor.id, answerView, { [an.blocks.answer]: 'Lead with the decision, then the options.' })).errors).toBeUndefined();

    // The request DM loses its button once answered, saying when (in Maria's zone).
    const updated = await eventually(() => h.standIn.findMessage(request.channel, request.ts)?.edited && h.standIn.findMessage(request.channel, request.ts));
    expect(shown(updated)).not.toContain(FeedbackActions.answer);
    expect(shown(updated)).toContain('You answered Mon 23 Nov 2026, 16:30 (Europe/Berlin)');

    const answered = await eventually(() => h.standIn.dmsTo(mentee.id).at(-1));
    expect(shown(answered)).toContain('Lead with the decision, then the options.');
    // 15:30Z is 10:30 in New York.
    expect(shown(answered)).toContain('Mon 23 Nov 2026, 10:30 (America/New_York)');
    expect(shown(answered)).toContain(FeedbackActions.apply);

    await h.driver.clickInMessage(mentee.id, answered, FeedbackActions.apply);
    const applyView = await eventually(() => h.standIn.topView(mentee.id));
    expect(applyView.callback_id).toBe(ap.callbackId);
    await h.driver.submitView(mentee.id, applyView, { [ap.blocks.application]: 'My next doc opened with the decision; review took one round.' });
    const applied = await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => m.text.includes('applied your feedback')));
    const answeredNow = await eventually(
      () => h.standIn.findMessage(answered.channel, answered.ts)?.edited && h.standIn.findMessage(answered.channel, answered.ts),
    );
    expect(shown(answeredNow)).not.toContain(FeedbackActions.apply);
    expect(shown(answeredNow)).toContain('how you applied it');
    expect(shown(applied)).toContain('review took one round');
    const row = (await requests()).find((req) => req.area === 'writing design docs');
    expect(row).toMatchObject({ status: 'applied', answer: 'Lead with the decision, then the options.' });
    expect(row?.applied_at).toBeInstanceOf(Date);
    h.clock.set('2026-11-23T14:00:00Z');
  });

  it('gives a mentor who asked the answer without a "Report how I applied it" button', async () => {
    const request = await ask(mentor.id, mentee.id, { [r.blocks.area]: 'my one-on-ones' });
    await h.driver.clickInMessage(mentee.id, request, FeedbackActions.answer);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [an.blocks.answer]: 'More silence, fewer questions.' });
    const answered = await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => m.text.includes('answered')));
    expect(shown(answered)).not.toContain(FeedbackActions.apply);
  });

  it('lists requests waiting on the person with Answer buttons that work from the ephemeral message', async () => {
    await ask(mentee.id, mentor.id, { [r.blocks.area]: 'pairing sessions' });
    h.standIn.reset();
    await h.driver.command(mentor.id, 'feedback');
    const inbox = await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text.includes('waiting on you')));
    expect(shown(inbox)).toContain('pairing sessions');
    h.standIn.closeView(mentor.id, h.standIn.topView(mentor.id)!.id);
    await h.driver.clickInMessage(mentor.id, inbox, FeedbackActions.answer);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    expect(view.callback_id).toBe(an.callbackId);
  });

  it('refuses a second answer to the same request', async () => {
    const request = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'standups' });
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    const first = await eventually(() => h.standIn.topView(mentor.id));
    await h.driver.submitView(mentor.id, first, { [an.blocks.answer]: 'Shorter.' });
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text.includes('already answered')));
    expect(refusal).toBeDefined();
    expect(h.standIn.topView(mentor.id)).toBeUndefined();
  });

  it("never lets a forged modal source make the bot rewrite a message outside the person's own DM", async () => {
    const post = await h.bot.slackApp.app.client.chat.postMessage({ channel: CHANNELS.goals.id, text: 'Goal approved' });
    const request = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'forged source' });
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    const metadata = JSON.parse(view.private_metadata);
    h.standIn.findView(view.id)!.private_metadata = JSON.stringify({ ...metadata, channelId: CHANNELS.goals.id, messageTs: post.ts });
    await h.driver.submitView(mentor.id, view, { [an.blocks.answer]: 'fine' });
    await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.includes('answered')));
    await h.settle();
    expect(h.standIn.findMessage(CHANNELS.goals.id, post.ts!)?.text).toBe('Goal approved');
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
  });

  it('refuses an empty answer on its field', async () => {
    const request = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'naming things' });
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    const result = await h.driver.submitView(mentor.id, view, { [an.blocks.answer]: '    ' });
    expect(result.errors?.[an.blocks.answer]).toMatch(/Write your answer/);
    expect((await requests()).find((req) => req.area === 'naming things')?.status).toBe('requested');
  });

  it.each([
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
    ['the person who asked', mentee.id],
  ])('refuses %s pressing Answer, and nothing changes', async (_who, userId) => {
    const dm = await ask(mentee.id, mentor.id, { [r.blocks.area]: `area for ${userId}` });
    const requestId = (await requestOn(`area for ${userId}`)).id;
    const forged = await postDmWithButton(h, userId, FeedbackActions.answer, requestId);
    await h.driver.clickInMessage(userId, forged, FeedbackActions.answer);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text.includes("can't find")));
    expect(shown(refusal)).not.toContain(`area for ${userId}`);
    expect(h.standIn.topView(userId)).toBeUndefined();
    expect((await requestOn(`area for ${userId}`)).status).toBe('requested');
    expect(dm).toBeDefined();
  });

  it('refuses the mentor pressing "Report how I applied it", and a forged answer-modal submission', async () => {
    const request = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'planning' });
    const requestId = (await requestOn('planning')).id;
    await h.driver.clickInMessage(mentor.id, request, FeedbackActions.answer);
    await h.driver.submitView(mentor.id, await eventually(() => h.standIn.topView(mentor.id)), { [an.blocks.answer]: 'Plan less.' });
    const forged = await postDmWithButton(h, mentor.id, FeedbackActions.apply, requestId);
    await h.driver.clickInMessage(mentor.id, forged, FeedbackActions.apply);
    await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text.includes("can't find")));

    // Olga answers a request of her own pair, with the modal's metadata pointing at Theo's request.
    const olgaAsk = await ask(PAT.id, other.id, { [r.blocks.area]: 'olga pair' });
    await h.driver.clickInMessage(other.id, olgaAsk, FeedbackActions.answer);
    const olgaView = await eventually(() => h.standIn.topView(other.id));
    const fresh = await ask(mentee.id, mentor.id, { [r.blocks.area]: 'forged target' });
    const target = await requestOn('forged target');
    h.standIn.findView(olgaView.id)!.private_metadata = JSON.stringify({ requestId: target.id });
    const result = await h.driver.submitView(other.id, olgaView, { [an.blocks.answer]: 'gotcha' });
    expect(result.errors?.[an.blocks.answer]).toMatch(/can't find/);
    expect((await requests()).find((req) => req.id === target.id)?.status).toBe('requested');
    expect(fresh).toBeDefined();
  });
});

describe('the "Ask for feedback" button (OpenActions.askFeedback)', () => {
  it.each([
    ['a DM', (userId: string, value: string) => postDmWithButton(h, userId, OpenActions.askFeedback, value)],
    ['an ephemeral message', (userId: string, value: string) => postEphemeralWithButton(h, userId, OpenActions.askFeedback, value)],
  ])('opens the request modal for the pair when pressed in %s', async (_where, post) => {
    const message = await post(mentee.id, pair.id);
    await h.driver.clickInMessage(mentee.id, message, OpenActions.askFeedback);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    expect(view.callback_id).toBe(r.callbackId);
  });

  it('opens it from the Home tab, and refuses a stranger there with an ephemeral message', async () => {
    const home = await publishHomeWithButton(h, mentor.id, OpenActions.askFeedback, pair.id);
    await h.driver.clickInView(mentor.id, home, OpenActions.askFeedback);
    expect((await eventually(() => h.standIn.topView(mentor.id))).callback_id).toBe(r.callbackId);

    const strangerHome = await publishHomeWithButton(h, stranger.id, OpenActions.askFeedback, pair.id);
    await h.driver.clickInView(stranger.id, strangerHome, OpenActions.askFeedback);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(stranger.id)[0]);
    expect(shown(refusal)).toMatch(/not part of that mentorship/);
    expect(h.standIn.topView(stranger.id)).toBeUndefined();
    expect(allSeenBy(h, stranger.id)).not.toContain('presenting');
  });

  it('asks which pair for someone in two', async () => {
    const second = await createPair(h, mentor, PAT);
    const view = await openRequestModal(mentor.id);
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(true);
    await h.driver.submitView(mentor.id, view, { [PairPicker.blockId]: second.id, [r.blocks.area]: 'mentoring style' });
    await h.settle();
    // 14:00Z is 01:00 in Sydney: the request waits in the outbox for Pat's morning, then a pass sends it.
    expect(h.standIn.dmsTo(PAT.id)).toHaveLength(0);
    h.clock.set('2026-11-23T21:00:00Z');
    await h.bot.scheduler.runPass(h.clock.now);
    await eventually(() => h.standIn.dmsTo(PAT.id)[0]);
    h.clock.set('2026-11-23T14:00:00Z');
    expect(h.standIn.dmsTo(mentee.id)).toHaveLength(0);
    await sql`delete from pairs where id = ${second.id}`.execute(h.db.kysely);
  });
});
