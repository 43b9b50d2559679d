import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import { OpenActions, PairPicker, ThanksModal } from '../../../src/slack/ids';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { addMeeting, allSeenBy, count, createPair, postDmWithButton, postEphemeralWithButton, publishHomeWithButton, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const PAT = { id: 'UPAT', name: 'pat', realName: 'Pat Peer', tz: 'Australia/Sydney' };
const block = ThanksModal.blocks.message;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  h.standIn.addUser(PAT);
  pair = await createPair(h, mentor, mentee);
  // Olga mentors Pat: a pair Maria and Theo have nothing to do with.
  await createPair(h, other, PAT);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

async function openThanks(userId: string, text = 'thanks') {
  const response = await h.driver.command(userId, text);
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

const messageInput = (view: { blocks: Array<Record<string, any>> }) => view.blocks.find((b) => b.block_id === block)?.element;

describe('/mentorship thanks', () => {
  it('opens a modal pre-filled with a suggestion fitting the sender, without asking which pair', async () => {
    const view = await openThanks(mentee.id);
    expect(view.callback_id).toBe(ThanksModal.callbackId);
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(false);
    expect(messageInput(view)?.initial_value).toMatch(/Thank you for your time and advice/);
    const mentorView = await openThanks(mentor.id);
    expect(messageInput(mentorView)?.initial_value).toMatch(/well prepared/);
  });

  it('pre-fills the note with the words typed after the command', async () => {
    const view = await openThanks(mentee.id, 'thanks for the tip about estimates');
    expect(messageInput(view)?.initial_value).toBe('Thank you for the tip about estimates');
  });

  it('DMs the note to the other person, stores it in the pair history and confirms privately to the sender', async () => {
    const before = await count(h, 'appreciations');
    const view = await openThanks(mentee.id);
    const result = await h.driver.submitView(mentee.id, view, { [block]: 'Thanks, Maria! The estimation trick saved my week.' });
    expect(result.errors).toBeUndefined();
    const dm = await eventually(() => h.standIn.dmsTo(mentor.id)[0]);
    expect(shown(dm)).toContain('The estimation trick saved my week.');
    expect(shown(dm)).toContain(`<@${mentee.id}> says thank you`);
    const confirmation = await eventually(() => h.standIn.ephemeralsFor(mentee.id)[0]);
    expect(shown(confirmation)).toContain(`on its way to <@${mentor.id}>`);
    expect(await count(h, 'appreciations')).toBe(before + 1);
    const row = await h.db.kysely.selectFrom('appreciations').selectAll().where('message', 'like', '%estimation trick%').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ pair_id: pair.id, from_id: mentee.id, to_id: mentor.id });
    const history = await h.bot.services.appreciations.history({ teamId: 'T0TEST', userId: mentor.id }, pair.id);
    expect(history.map((a) => a.id)).toContain(row.id);
    // Nobody else hears about it.
    expect(allSeenBy(h, stranger.id)).toBe('');
    expect(allSeenBy(h, other.id)).toBe('');
  });

  it("links the note to the meeting that just ended and names its time in the reader's own zone", async () => {
    // The pair's meeting an hour ago (11:00Z), not marked held yet: the "current" one.
    const meetingId = await addMeeting(h, pair, { sequence: 10, at: '2026-11-23T11:00:00Z', status: 'scheduled' });
    await addMeeting(h, pair, { sequence: 11, at: '2026-11-09T11:00:00Z', status: 'held' });
    const view = await openThanks(mentor.id);
    await h.driver.submitView(mentor.id, view, {});
    const dm = await eventually(() => h.standIn.dmsTo(mentee.id)[0]);
    // 11:00Z is 06:00 in New York, where Theo lives.
    expect(shown(dm)).toContain('Mon 23 Nov 2026, 06:00 (America/New_York)');
    const row = await h.db.kysely.selectFrom('appreciations').select(['meeting_id', 'message']).where('from_id', '=', mentor.id).executeTakeFirstOrThrow();
    expect(row.meeting_id).toBe(meetingId);
    expect(row.message).toMatch(/well prepared/);
    await sql`delete from meetings where sequence in (10, 11)`.execute(h.db.kysely);
  });

  it('escapes mentions and broadcasts typed into the note', async () => {
    const view = await openThanks(mentee.id);
    await h.driver.submitView(mentee.id, view, { [block]: `Hey <!channel> and <@${stranger.id}>, <https://evil.example|click>` });
    const dm = await eventually(() => h.standIn.dmsTo(mentor.id)[0]);
    const text = shown(dm);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain(`&lt;@${stranger.id}&gt;`);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain(`<@${stranger.id}>`);
    expect(text).not.toContain('<https://evil.example');
  });

  it('refuses an empty note on its field, keeps the modal open and sends nothing', async () => {
    const before = await count(h, 'appreciations');
    const view = await openThanks(mentee.id);
    const result = await h.driver.submitView(mentee.id, view, { [block]: '   ' });
    expect(result.errors?.[block]).toMatch(/few words/);
    expect(h.standIn.topView(mentee.id)?.id).toBe(view.id);
    expect(await count(h, 'appreciations')).toBe(before);
    expect(h.standIn.dmsTo(mentor.id)).toHaveLength(0);
  });

  it('answers words too long for a note with an ephemeral hint and opens nothing', async () => {
    const response = await h.driver.command(mentee.id, `thanks ${'x'.repeat(2100)}`);
    expect(response.json.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.json.blocks)).toMatch(/at most 2000 characters/);
    await h.settle();
    expect(h.standIn.topView(mentee.id)).toBeUndefined();
  });

  it('tells a stranger how to start a pair and opens nothing', async () => {
    const { status, replies } = await commandAnsweredLater(h, stranger.id, 'thanks');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/not in a mentorship pair yet/);
    expect(h.standIn.topView(stranger.id)).toBeUndefined();
  });

  it('asks which pair for someone in two, and sends to the person of the pair picked', async () => {
    const second = await createPair(h, mentor, PAT);
    const view = await openThanks(mentor.id);
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(true);
    await h.driver.submitView(mentor.id, view, { [PairPicker.blockId]: second.id, [block]: 'Thanks Pat' });
    await h.settle();
    expect(h.standIn.dmsTo(mentee.id)).toHaveLength(0);
    // 14:00Z is 01:00 in Sydney: the note waits in the outbox for Pat's morning, then a pass sends it.
    expect(h.standIn.dmsTo(PAT.id)).toHaveLength(0);
    h.clock.set('2026-11-23T21:00:00Z');
    await h.bot.scheduler.runPass(h.clock.now);
    expect(shown(await eventually(() => h.standIn.dmsTo(PAT.id)[0]))).toContain('Thanks Pat');
    h.clock.set('2026-11-23T14:00:00Z');
    await sql`delete from pairs where id = ${second.id}`.execute(h.db.kysely);
  });

  it('refuses a forged pair id in the metadata of the modal and stores nothing', async () => {
    const before = await count(h, 'appreciations');
    const view = await openThanks(mentee.id);
    const olgaPair = await h.db.kysely.selectFrom('pairs').select('id').where('mentor_id', '=', other.id).executeTakeFirstOrThrow();
    h.standIn.findView(view.id)!.private_metadata = JSON.stringify({ pairId: olgaPair.id });
    const result = await h.driver.submitView(mentee.id, view, { [block]: 'hello' });
    expect(result.errors?.[block]).toMatch(/not part of that mentorship/);
    expect(await count(h, 'appreciations')).toBe(before);
    expect(h.standIn.dmsTo(PAT.id)).toHaveLength(0);
  });
});

describe('the "Say thank you" button (OpenActions.sayThanks)', () => {
  it.each([
    ['a DM', (userId: string, value: string) => postDmWithButton(h, userId, OpenActions.sayThanks, value)],
    ['an ephemeral message', (userId: string, value: string) => postEphemeralWithButton(h, userId, OpenActions.sayThanks, value)],
  ])('opens the thanks modal for the pair when pressed in %s', async (_where, post) => {
    const message = await post(mentee.id, pair.id);
    await h.driver.clickInMessage(mentee.id, message, OpenActions.sayThanks);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    expect(view.callback_id).toBe(ThanksModal.callbackId);
    expect(JSON.parse(view.private_metadata).pairId).toBe(pair.id);
  });

  it('opens the thanks modal when pressed on the Home tab', async () => {
    const home = await publishHomeWithButton(h, mentor.id, OpenActions.sayThanks, pair.id);
    await h.driver.clickInView(mentor.id, home, OpenActions.sayThanks);
    const view = await eventually(() => h.standIn.topView(mentor.id));
    expect(view.callback_id).toBe(ThanksModal.callbackId);
    await h.driver.submitView(mentor.id, view, {});
    await eventually(() => h.standIn.dmsTo(mentee.id)[0]);
    // Pressed on Home there is no conversation to answer in: the confirmation lands in the bot DM.
    const confirmation = await eventually(() => h.standIn.ephemeralsFor(mentor.id)[0]);
    expect(confirmation.channel).toBe(`D${mentor.id}`);
  });

  it.each([
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])('refuses %s pressing it with an ephemeral message, on Home and in a DM', async (_who, userId) => {
    const home = await publishHomeWithButton(h, userId, OpenActions.sayThanks, pair.id);
    await h.driver.clickInView(userId, home, OpenActions.sayThanks);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(userId)[0]);
    expect(shown(refusal)).toMatch(/not part of that mentorship/);
    const message = await postDmWithButton(h, userId, OpenActions.sayThanks, pair.id);
    await h.driver.clickInMessage(userId, message, OpenActions.sayThanks);
    await eventually(() => h.standIn.ephemeralsFor(userId).length === 2);
    await h.settle();
    expect(h.standIn.topView(userId)).toBeUndefined();
  });

  it('refuses a value that is not a pair id', async () => {
    const message = await postDmWithButton(h, mentee.id, OpenActions.sayThanks, "1' or '1'='1");
    await h.driver.clickInMessage(mentee.id, message, OpenActions.sayThanks);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(mentee.id)[0]);
    expect(shown(refusal)).toMatch(/not part of that mentorship/);
    expect(h.standIn.topView(mentee.id)).toBeUndefined();
  });
});
