import type { Pair } from '../../../src/db/schema';
import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { meetingScopedBlock, NotesModal, OpenActions } from '../../../src/slack/ids';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows, postButton } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

const { blocks: b } = NotesModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set('2026-11-23T14:00:00Z');
  pair = await createPair(h); // weekly, Tuesdays 10:00 Europe/Berlin from 1 Dec 2026
  const [first] = await meetingRows(h, pair.id);
  const saved = await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: USERS.mentee.id }, first!.id, {
    topics: ['Career path', 'Code review habits'],
    questions: [],
    materials: [],
    carryActionItemIds: [],
    carryFollowUpIds: [],
    wrapUp: [],
    feedbackFocus: 'giving talks',
  });
  if (!saved.ok) throw new Error('agenda not saved');
  // The 09:00Z meeting has started; 09:00 in New York, so the summary reaches Theo at once, not after his night.
  h.clock.set('2026-12-01T14:00:00Z');
  await h.settle();
  h.standIn.reset();
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

async function openNotes(userId: string): Promise<StoredView> {
  const response = await h.driver.command(userId, 'notes');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

const actionItems = () => h.db.kysely.selectFrom('action_items').selectAll().where('pair_id', '=', pair.id).orderBy('created_at').execute();
const agendaIds = async (meetingId: string) =>
  Object.fromEntries(
    (await h.db.kysely.selectFrom('agenda_items').select(['id', 'body']).where('meeting_id', '=', meetingId).execute()).map((i) => [i.body, i.id]),
  );

describe('/mentorship notes', () => {
  it('records the notes, marks the meeting held and DMs both people the same summary, each in their zone', async () => {
    const [first] = await meetingRows(h, pair.id);
    const ids = await agendaIds(first!.id);
    const view = await openNotes(USERS.mentor.id);
    expect(JSON.stringify(view.blocks)).toContain('Feedback was asked for on: giving talks');
    const result = await h.driver.submitView(USERS.mentor.id, view, {
      [meetingScopedBlock(b.covered, first!.id)]: [ids['Career path']],
      [b.takeaways]: 'Theo is ready to lead the <!here> retro',
      [b.actionItems]: 'theo: write the design doc by 2026-12-07\nme: send the talk recording\n- mentee: book the room (due 2026-12-04)',
      [b.feedbackReceived]: 'Slow down when presenting',
      [b.feedbackApplication]: 'Rehearse with a timer',
    });
    expect(result.errors).toBeUndefined();
    const [maria, theo] = await Promise.all([
      eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1)),
      eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1)),
    ]);
    for (const [dm, when] of [
      [maria, 'Tue 1 Dec 2026, 10:00 (Europe/Berlin)'],
      [theo, 'Tue 1 Dec 2026, 04:00 (America/New_York)'],
    ] as const) {
      const text = JSON.stringify(dm.blocks);
      expect(text).toContain(when);
      expect(text).toContain('&lt;!here&gt; retro');
      expect(text).not.toContain('<!here>');
      expect(text).toContain('write the design doc');
      expect(text).toContain('due Mon 7 Dec 2026');
      expect(text).toContain('send the talk recording');
      expect(text).toContain('no due date');
      expect(text).toContain('Rehearse with a timer');
      expect(text).toContain('Code review habits');
    }
    // The same action items, grouped the same way, for both.
    const groups = (dm: typeof maria) =>
      dm
        .blocks!.filter((block) => String(block.block_id).startsWith('action_item.') || JSON.stringify(block).includes('For <@'))
        .map(({ block_id: _generated, ...block }) => JSON.stringify(block));
    expect(groups(maria)).toEqual(groups(theo));
    const items = await actionItems();
    expect(items.map((i) => [i.owner_id, i.body, i.due_on])).toEqual([
      [USERS.mentee.id, 'write the design doc', '2026-12-07'],
      [USERS.mentor.id, 'send the talk recording', null],
      [USERS.mentee.id, 'book the room', '2026-12-04'],
    ]);
    const [held] = await meetingRows(h, pair.id);
    expect(held).toMatchObject({ status: 'held', notes_recorded_by: USERS.mentor.id, feedback_application: 'Rehearse with a timer' });
    const resolved = await h.db.kysely.selectFrom('agenda_items').select(['body', 'resolved']).where('meeting_id', '=', first!.id).orderBy('body').execute();
    expect(resolved).toEqual([
      { body: 'Career path', resolved: true },
      { body: 'Code review habits', resolved: false },
    ]);
  });

  it('reads owners written as me, you, a name (display or real, any case) or a mention, and gives a line with none to the writer', async () => {
    const view = await openNotes(USERS.mentee.id);
    const result = await h.driver.submitView(USERS.mentee.id, view, {
      [b.takeaways]: 'Useful',
      [b.actionItems]: [
        `<@${USERS.mentor.id}> send the slides`,
        'Maria Mentor: review the CV',
        'you: share the book',
        'MARIA: call the recruiter',
        'me: update the résumé',
        'theo mentee: practise the talk',
        'read the chapter on estimates by 2026-12-08',
      ].join('\n'),
    });
    expect(result.errors).toBeUndefined();
    const items = await actionItems();
    expect(items.map((i) => [i.owner_id, i.body])).toEqual([
      [USERS.mentor.id, 'send the slides'],
      [USERS.mentor.id, 'review the CV'],
      [USERS.mentor.id, 'share the book'],
      [USERS.mentor.id, 'call the recruiter'],
      [USERS.mentee.id, 'update the résumé'],
      [USERS.mentee.id, 'practise the talk'],
      [USERS.mentee.id, 'read the chapter on estimates'],
    ]);
    const [theo, maria] = await Promise.all([
      eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1)),
      eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1)),
    ]);
    expect(JSON.stringify(theo.blocks)).toContain('“read the chapter on estimates”: yours, since no owner was named.');
    expect(JSON.stringify(maria.blocks)).toContain(`“read the chapter on estimates”: <@${USERS.mentee.id}>'s, since no owner was named.`);
    // Only the line that named nobody is called out.
    expect(JSON.stringify(theo.blocks)).not.toMatch(/practise the talk”: yours/);
  });

  it.each([
    [
      'an action item whose owner is not one of the pair',
      { [b.actionItems]: 'me: fine\nSam: read the book' },
      b.actionItems,
      /Line 2 .*“Sam” is not one of you two/,
    ],
    [
      'an action item owned by a mention of a stranger',
      { [b.actionItems]: '<@USTRANGER> read the book' },
      b.actionItems,
      /Line 1 .*<@USTRANGER> is not one of you two/,
    ],
    ['a due date that is not a date', { [b.actionItems]: 'theo: read by 2026-02-30' }, b.actionItems, /not a date/],
    ['a due date in the past', { [b.actionItems]: 'maria: call by 2026-11-01' }, b.actionItems, /in the past/],
    ['feedback without how it will be applied', { [b.feedbackReceived]: 'Slow down' }, b.feedbackApplication, /how the feedback will be applied/],
    ['no takeaways', { [b.takeaways]: '   ' }, b.takeaways, /at least one takeaway/],
  ])('refuses %s on that field, keeping the modal open and saving nothing', async (_name, inputs, block, message) => {
    const view = await openNotes(USERS.mentee.id);
    const result = await h.driver.submitView(USERS.mentee.id, view, { [b.takeaways]: 'Useful', ...inputs });
    expect(result.errors?.[block]).toMatch(message);
    expect(h.standIn.topView(USERS.mentee.id)?.id).toBe(view.id);
    expect((await meetingRows(h, pair.id))[0]?.status).toBe('scheduled');
    expect(await actionItems()).toHaveLength(0);
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(0);
  });

  it('says when there is no meeting to record notes for yet', async () => {
    h.clock.set('2026-11-30T12:00:00Z');
    await h.driver.command(USERS.mentee.id, 'notes');
    const reply = await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).at(-1));
    expect(reply.text).toMatch(/no meeting to record notes for yet.*Tue 1 Dec 2026, 04:00 \(America\/New_York\)/);
    expect(h.standIn.topView(USERS.mentee.id)).toBeUndefined();
  });

  it('refuses to record the notes of the same meeting twice', async () => {
    const view = await openNotes(USERS.mentor.id);
    await h.driver.submitView(USERS.mentor.id, view, { [b.takeaways]: 'First' });
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).length === 1);
    const [first] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.mentee.id, OpenActions.recordNotes, first!.id);
    await h.driver.clickInMessage(USERS.mentee.id, message, OpenActions.recordNotes);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).at(-1))).text).toMatch(/already recorded by maria/);
    expect((await meetingRows(h, pair.id))[0]?.takeaways).toBe('First');
  });

  it('tells someone in no pair how to start one', async () => {
    const { status, replies } = await commandAnsweredLater(h, USERS.stranger.id, 'notes');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/not in a mentorship pair yet/);
  });

  it('refuses a stranger pressing a notes button for the pair', async () => {
    const [first] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.stranger.id, OpenActions.recordNotes, first!.id);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.recordNotes);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });
});
