import type { Pair } from '../../../src/db/schema';
import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { AgendaModal, meetingScopedBlock, OpenActions, PairPicker } from '../../../src/slack/ids';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows, postButton } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

const { blocks: b } = AgendaModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set('2026-11-23T14:00:00Z');
  pair = await createPair(h); // weekly, Tuesdays 10:00 Europe/Berlin from 1 Dec 2026
  await h.settle();
  h.standIn.reset();
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

async function openAgenda(userId: string): Promise<StoredView> {
  const response = await h.driver.command(userId, 'agenda');
  expect(response.status).toBe(200);
  const view = await eventually(() => h.standIn.topView(userId));
  // Through the lean client (src/slack/lean-web-client.ts): one JSON body, as Slack takes it.
  expect(h.standIn.callsTo('views.open').at(-1)?.encoding).toBe('json');
  return view;
}

const blockIds = (view: StoredView) => view.blocks.map((block) => block.block_id);
const agendaItems = (meetingId: string) => h.db.kysely.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();

/** Meeting 0 held with one topic not covered and an action item for Theo: what should carry over to meeting 1. */
async function holdFirstMeeting(): Promise<{ meetingIds: string[] }> {
  const [first] = await meetingRows(h, pair.id);
  const saved = await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: USERS.mentee.id }, first!.id, {
    topics: ['Career path', 'Code review habits'],
    questions: [],
    materials: [],
    carryActionItemIds: [],
    carryFollowUpIds: [],
    wrapUp: [],
  });
  if (!saved.ok) throw new Error('agenda not saved');
  h.clock.set('2026-12-01T10:00:00Z');
  const covered = saved.items.filter((item) => item.body === 'Career path').map((item) => item.id);
  const notes = await h.bot.services.notes.record({ teamId: h.standIn.teamId, userId: USERS.mentor.id }, first!.id, {
    takeaways: 'Good start',
    actionItems: 'theo: write the design doc by 2026-12-07',
    feedbackReceived: null,
    feedbackApplication: null,
    coveredIds: covered,
  });
  if (!notes.ok) throw new Error(JSON.stringify(notes.errors));
  await h.bot.services.meetings.ensureUpcoming(h.clock.now());
  await h.settle();
  h.standIn.reset();
  return { meetingIds: (await meetingRows(h, pair.id)).map((m) => m.id) };
}

describe('/mentorship agenda', () => {
  it('opens pre-ticked with the open action items and what the last meeting did not get to', async () => {
    const { meetingIds } = await holdFirstMeeting();
    const view = await openAgenda(USERS.mentee.id);
    const carry = view.blocks.find((block) => block.block_id === meetingScopedBlock(b.carryOver, meetingIds[1]!));
    const labels = carry?.element.options.map((option: { text: { text: string } }) => option.text.text);
    expect(labels).toEqual(['Action: write the design doc', 'Follow-up: Code review habits']);
    expect(carry?.element.initial_options).toHaveLength(2);
    expect(JSON.stringify(view.blocks)).not.toContain('Career path');
    expect(JSON.stringify(view.blocks)).toContain('Tue 8 Dec 2026, 04:00 (America/New_York)');
  });

  it('saves the agenda and DMs the mentor a readable one, materials included, escaped, in her time zone', async () => {
    const { meetingIds } = await holdFirstMeeting();
    const view = await openAgenda(USERS.mentee.id);
    const result = await h.driver.submitView(USERS.mentee.id, view, {
      [b.topics]: '- How to lead a retro\n<!channel> ping everyone',
      [b.questions]: 'What do you read?',
      [b.feedbackFocus]: 'running design reviews',
      [b.highlight]: 'Shipped the search feature',
      [b.materials]: 'Design doc https://docs.example.com/d/1\nhttps://example.org/talk',
    });
    expect(result.errors).toBeUndefined();
    const dm = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    const text = JSON.stringify(dm.blocks);
    expect(text).toContain('Tue 8 Dec 2026, 10:00 (Europe/Berlin)');
    expect(text).toContain('running design reviews');
    expect(text).toContain('Shipped the search feature');
    expect(text).toContain('How to lead a retro');
    expect(text).toContain('&lt;!channel&gt; ping everyone');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('<https://docs.example.com/d/1|Design doc>');
    expect(text).toContain('<https://example.org/talk|example.org/talk>');
    expect(text).toContain('Code review habits');
    expect(text).toContain(OpenActions.tickActionItem);
    const items = await agendaItems(meetingIds[1]!);
    expect(items.map((item) => item.kind)).toEqual(['carry_over', 'carry_over', 'topic', 'topic', 'question', 'material', 'material']);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it('lets the other person add to it later; the first one sees what was added', async () => {
    const view = await openAgenda(USERS.mentee.id);
    await h.driver.submitView(USERS.mentee.id, view, { [b.topics]: 'Career path' });
    const shared = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    await h.driver.clickInMessage(USERS.mentor.id, shared, OpenActions.prepareAgenda);
    const mentorView = await eventually(() => h.standIn.topView(USERS.mentor.id));
    expect(blockIds(mentorView)).not.toContain(b.feedbackFocus);
    expect(JSON.stringify(mentorView.blocks)).toContain('Topic: Career path');
    const result = await h.driver.submitView(USERS.mentor.id, mentorView, { [b.topics]: 'Your promotion case' });
    expect(result.errors).toBeUndefined();
    const update = await eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1));
    expect(update.text).toContain('updated the agenda');
    expect(JSON.stringify(update.blocks)).toContain('Your promotion case');
    expect(JSON.stringify(update.blocks)).toContain('Career path');
    expect(JSON.stringify(update.blocks)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
  });

  it.each([
    ['a material without a link', { [b.materials]: 'The design doc' }, b.materials, /Line 1 .*add the link/],
    ['a link Slack would read as a mention', { [b.materials]: 'x https://a.example.com/<@U1>' }, b.materials, /does not look right/],
    ['more than ten topics', { [b.topics]: Array.from({ length: 11 }, (_, i) => `topic ${i}`).join('\n') }, b.topics, /Keep it to 10 topics/],
    ['an empty agenda', {}, b.topics, /at least one topic/],
  ])('refuses %s under the right field, saving nothing and keeping the modal open', async (_name, inputs, block, message) => {
    const view = await openAgenda(USERS.mentee.id);
    const result = await h.driver.submitView(USERS.mentee.id, view, inputs);
    expect(result.errors?.[block]).toMatch(message);
    expect(h.standIn.topView(USERS.mentee.id)?.id).toBe(view.id);
    const [first] = await meetingRows(h, pair.id);
    expect(await agendaItems(first!.id)).toHaveLength(0);
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(0);
  });

  it('refuses a submission once the meeting has started', async () => {
    const view = await openAgenda(USERS.mentee.id);
    h.clock.set('2026-12-01T09:00:00Z');
    const result = await h.driver.submitView(USERS.mentee.id, view, { [b.topics]: 'Too late' });
    expect(result.errors?.[b.topics]).toMatch(/already happened/);
    const [first] = await meetingRows(h, pair.id);
    expect(await agendaItems(first!.id)).toHaveLength(0);
  });

  it('refuses to open the agenda of a meeting that has already happened, with a clear message', async () => {
    const [first] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.mentee.id, OpenActions.prepareAgenda, first!.id);
    h.clock.set('2026-12-01T12:00:00Z');
    await h.driver.clickInMessage(USERS.mentee.id, message, OpenActions.prepareAgenda);
    const reply = await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).at(-1));
    expect(reply.text).toMatch(/Tue 1 Dec 2026, 04:00 \(America\/New_York\) has already happened/);
    expect(h.standIn.topView(USERS.mentee.id)).toBeUndefined();
  });

  it('tells someone in no pair how to start one, and opens nothing', async () => {
    const { status, replies } = await commandAnsweredLater(h, USERS.stranger.id, 'agenda');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/not in a mentorship pair yet/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });

  it("refuses a stranger pressing a button that names the pair's meeting", async () => {
    const [first] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.stranger.id, OpenActions.prepareAgenda, first!.id);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.prepareAgenda);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });

  // After the planning pass both pairs' next meetings are vouched for and the command only reads them;
  // before it, the command plans them first.
  it.each([
    ['before', false],
    ['after', true],
  ])('asks someone in two pairs which one (%s the planning pass), and switches to the picked pair', async (_when, planned) => {
    const second = await createPair(h, {
      mentor: USERS.other,
      mentee: USERS.mentee,
      cadence: 'monthly',
      firstDate: '2026-12-15',
      time: '09:00',
      zone: 'Europe/London',
    });
    if (planned) await h.bot.services.meetings.ensureUpcoming(h.clock.now());
    const vouched = await h.db.kysely.selectFrom('pairs').select('id').where('upcoming_valid_until', '>', h.clock.now()).execute();
    expect(vouched).toHaveLength(planned ? 2 : 0);
    const view = await openAgenda(USERS.mentee.id);
    expect(blockIds(view)[0]).toBe(PairPicker.blockId);
    expect(JSON.parse(view.private_metadata).pairId).toBe(pair.id); // the pair that meets soonest
    await h.driver.clickInView(USERS.mentee.id, view, PairPicker.actionId, { value: second.id });
    await eventually(() => JSON.parse(h.standIn.topView(USERS.mentee.id)?.private_metadata ?? '{}').pairId === second.id);
    const switched = h.standIn.topView(USERS.mentee.id)!;
    expect(JSON.stringify(switched.blocks)).toContain('Tue 15 Dec 2026, 04:00 (America/New_York)');
    await h.driver.submitView(USERS.mentee.id, switched, { [b.topics]: 'For Olga' });
    const dm = await eventually(() => h.standIn.dmsTo(USERS.other.id).at(-1));
    expect(JSON.stringify(dm.blocks)).toContain('Tue 15 Dec 2026, 09:00 (Europe/London)');
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(0);
  });

  it('includes the wrap-up near the planned end, pre-ticked', async () => {
    await h.db.kysely.deleteFrom('pairs').execute();
    pair = await createPair(h, { cadence: 'monthly', months: 1 });
    const view = await openAgenda(USERS.mentee.id);
    const [first] = await meetingRows(h, pair.id);
    const wrapUp = view.blocks.find((block) => block.block_id === meetingScopedBlock(b.wrapUp, first!.id));
    expect(wrapUp?.element.initial_options).toHaveLength(3);
    await h.driver.submitView(USERS.mentee.id, view, {});
    const dm = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    expect(JSON.stringify(dm.blocks)).toContain('Mentoring someone else');
    expect(JSON.stringify(dm.blocks)).toContain('How to stay in touch');
  });
});
