import type { Pair } from '../../../src/db/schema';
import type { StoredMessage, StoredView } from '../../../src/devtools/slack-stand-in';
import { NotesModal, OpenActions } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { meetingRows, pairWithNotes, postButton } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

const { blocks: b } = NotesModal;
let h: Harness;
let pair: Pair;
let meetingId: string;
/** Theo's copy of the summary Maria's notes sent. */
let summary: StoredMessage;

beforeAll(async () => {
  h = await startHarness({ now: '2026-12-01T10:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  ({ pair, meetingId, summary } = await pairWithNotes(h, {
    [b.takeaways]: 'Good',
    [b.actionItems]: 'theo: write the doc by 2026-12-07\nme: send the recording\nme: book the room',
    [b.feedbackReceived]: 'Slow down on slides',
    [b.feedbackApplication]: 'Rehearse once',
  }));
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

const items = async () =>
  Object.fromEntries((await h.db.kysely.selectFrom('action_items').selectAll().where('meeting_id', '=', meetingId).execute()).map((item) => [item.body, item]));

async function openAmend(userId: string, message: StoredMessage): Promise<StoredView> {
  await h.driver.clickInMessage(userId, message, OpenActions.amendNotes, { value: meetingId });
  return eventually(() => {
    const view = h.standIn.topView(userId);
    return view?.callback_id === NotesModal.amendCallbackId ? view : undefined;
  });
}

const initialOf = (view: StoredView, blockId: string) =>
  (view.blocks.find((block) => (block as { block_id?: string }).block_id === blockId) as { element?: { initial_value?: string } } | undefined)?.element
    ?.initial_value;

describe('amending saved notes', () => {
  it('opens the form filled with what was saved, keeps unchanged items with their tick, and sends both the summary marked as amended', async () => {
    const before = await items();
    await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.tickActionItem, { value: before['write the doc']!.id });
    await eventually(async () => (await items())['write the doc']!.done_at !== null);
    const view = await openAmend(USERS.mentee.id, summary);
    expect(initialOf(view, b.takeaways)).toBe('Good');
    // Theo amends: the lines read from his side ("me" is Theo).
    expect(initialOf(view, b.actionItems)?.split('\n').sort()).toEqual(['me: write the doc by 2026-12-07', 'you: book the room', 'you: send the recording']);
    expect(initialOf(view, b.feedbackReceived)).toBe('Slow down on slides');
    expect(initialOf(view, b.feedbackApplication)).toBe('Rehearse once');
    const mariaBefore = h.standIn.dmsTo(USERS.mentor.id).length;
    const result = await h.driver.submitView(USERS.mentee.id, view, {
      [b.takeaways]: 'Good, and the retro plan',
      [b.actionItems]: 'me: write the doc by 2026-12-07\nyou: send the recording by 2026-12-20\nme: read the chapter',
    });
    expect(result.errors).toBeUndefined();
    const after = await items();
    expect(Object.keys(after).sort()).toEqual(['read the chapter', 'send the recording', 'write the doc']);
    expect(after['write the doc']!.id).toBe(before['write the doc']!.id);
    expect(after['write the doc']!.done_by).toBe(USERS.mentee.id);
    expect(after['send the recording']).toMatchObject({ id: before['send the recording']!.id, due_on: '2026-12-20', owner_id: USERS.mentor.id });
    expect(after['read the chapter']).toMatchObject({ owner_id: USERS.mentee.id, done_at: null });
    const meeting = await h.db.kysely.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(meeting).toMatchObject({ status: 'held', takeaways: 'Good, and the retro plan', notes_recorded_by: USERS.mentor.id });
    const told = await eventually(() =>
      h.standIn
        .dmsTo(USERS.mentor.id)
        .slice(mariaBefore)
        .find((m) => m.text.startsWith('Amended notes for')),
    );
    const text = JSON.stringify(told.blocks);
    expect(text).toContain('Amended meeting notes');
    expect(text).toContain(`amended by <@${USERS.mentee.id}>`);
    expect(text).toContain('Good, and the retro plan');
    expect(text).toContain(':white_check_mark: write the doc');
    expect(text).not.toContain('book the room');
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).some((m) => m.text.startsWith('Amended notes for')));
  });

  it('refuses an unknown owner on the field, keeps the form open and changes nothing', async () => {
    const before = await items();
    const view = await openAmend(USERS.mentor.id, h.standIn.dmsTo(USERS.mentor.id).at(-1)!);
    const result = await h.driver.submitView(USERS.mentor.id, view, { [b.takeaways]: 'Changed', [b.actionItems]: 'zed: do a thing' });
    expect(result.errors?.[b.actionItems]).toMatch(/“zed” is not one of you two/);
    expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(view.id);
    expect(await items()).toEqual(before);
    const meeting = await h.db.kysely.selectFrom('meetings').select('takeaways').where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(meeting.takeaways).toBe('Good');
  });

  it('refuses to amend a meeting whose notes are not recorded yet', async () => {
    const [, second] = await meetingRows(h, pair.id);
    h.clock.set(new Date(second!.scheduled_at.getTime() + 3_600_000).toISOString());
    const message = await postButton(h, USERS.mentee.id, OpenActions.amendNotes, second!.id);
    await h.driver.clickInMessage(USERS.mentee.id, message, OpenActions.amendNotes);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).at(-1))).text).toMatch(/has no notes yet: record them first/);
  });

  it('refuses a stranger who forges the button and shows them nothing', async () => {
    const message = await postButton(h, USERS.stranger.id, OpenActions.amendNotes, meetingId);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.amendNotes);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });
});
