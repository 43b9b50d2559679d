import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { ActionItemModal, actionItemActionsBlockId, actionItemBlockId, OpenActions } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { pairWithNotes, postButton } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

let h: Harness;
let summary: StoredMessage;
let itemIds: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ now: '2026-12-01T10:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  const recorded = await pairWithNotes(h, { notes_takeaways: 'Good', notes_action_items: 'theo: write the doc by 2026-12-07\nme: send the recording' });
  summary = recorded.summary;
  const meetingId = recorded.meetingId;
  const items = await h.db.kysely.selectFrom('action_items').select(['id', 'body']).where('meeting_id', '=', meetingId).execute();
  itemIds = Object.fromEntries(items.map((item) => [item.body, item.id]));
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

const blockOf = (message: StoredMessage, itemId: string) =>
  JSON.stringify(h.standIn.findMessage(message.channel, message.ts)?.blocks?.find((block) => block.block_id === actionItemBlockId(itemId)));
const doneState = (itemId: string) => h.db.kysely.selectFrom('action_items').select(['done_at', 'done_by']).where('id', '=', itemId).executeTakeFirstOrThrow();

describe('ticking an action item done', () => {
  it('from the summary: records who did it and updates just that item in the message', async () => {
    const itemId = itemIds['write the doc']!;
    const response = await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.tickActionItem, { value: itemId });
    expect(response.status).toBe(200);
    await eventually(() => h.standIn.findMessage(summary.channel, summary.ts)?.edited);
    expect(blockOf(summary, itemId)).toContain('white_check_mark');
    expect(blockOf(summary, itemId)).not.toContain(OpenActions.tickActionItem);
    expect(blockOf(summary, itemIds['send the recording']!)).toContain(OpenActions.tickActionItem);
    expect(await doneState(itemId)).toMatchObject({ done_by: USERS.mentee.id });
  });

  it('from a later agenda, where it was carried over', async () => {
    await h.driver.command(USERS.mentee.id, 'agenda');
    const view = await eventually(() => h.standIn.topView(USERS.mentee.id));
    await h.driver.submitView(USERS.mentee.id, view, { agenda_topics: 'Next steps' });
    const agenda = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).find((m) => m.text.startsWith('Agenda')));
    const itemId = itemIds['send the recording']!;
    await h.driver.clickInMessage(USERS.mentor.id, agenda, OpenActions.tickActionItem, { value: itemId });
    await eventually(() => h.standIn.findMessage(agenda.channel, agenda.ts)?.edited);
    expect(blockOf(agenda, itemId)).toContain('white_check_mark');
    expect(blockOf(agenda, itemId)).toContain(`<@${USERS.mentor.id}>`);
    expect(await doneState(itemId)).toMatchObject({ done_by: USERS.mentor.id });
  });

  it('keeps the first tick when pressed twice', async () => {
    const itemId = itemIds['write the doc']!;
    await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.tickActionItem, { value: itemId });
    await eventually(() => h.standIn.findMessage(summary.channel, summary.ts)?.edited);
    const first = await doneState(itemId);
    const mariaSummary = h.standIn.dmsTo(USERS.mentor.id).at(-1)!;
    h.clock.set('2026-12-02T10:00:00Z');
    await h.driver.clickInMessage(USERS.mentor.id, mariaSummary, OpenActions.tickActionItem, { value: itemId });
    await eventually(() => h.standIn.findMessage(mariaSummary.channel, mariaSummary.ts)?.edited);
    expect(await doneState(itemId)).toEqual(first);
  });

  it('refuses a stranger and changes nothing', async () => {
    const itemId = itemIds['write the doc']!;
    const message = await postButton(h, USERS.stranger.id, OpenActions.tickActionItem, itemId);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.tickActionItem);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(await doneState(itemId)).toEqual({ done_at: null, done_by: null });
    expect(h.standIn.findMessage(message.channel, message.ts)?.edited).toBeUndefined();
  });

  it('confirms privately when pressed in an ephemeral message, which Slack does not let the app redraw', async () => {
    const itemId = itemIds['write the doc']!;
    const ephemeral = await postButton(h, USERS.mentee.id, OpenActions.tickActionItem, itemId, { ephemeral: true });
    await h.driver.clickInMessage(USERS.mentee.id, ephemeral, OpenActions.tickActionItem);
    await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).some((m) => m.text === 'Marked done.'));
    expect(await doneState(itemId)).toMatchObject({ done_by: USERS.mentee.id });
  });
});

describe('"Not done yet" on a done action item', () => {
  const tick = async (userId: string, itemId: string, message = summary) => {
    await h.driver.clickInMessage(userId, message, OpenActions.tickActionItem, { value: itemId });
    await eventually(() => blockOf(message, itemId).includes(OpenActions.reopenActionItem));
  };

  it('opens it again for either person, redrawing just that item with its Done button back', async () => {
    const itemId = itemIds['write the doc']!;
    await tick(USERS.mentee.id, itemId);
    const reopened = await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.reopenActionItem, { value: itemId });
    expect(reopened.status).toBe(200);
    await eventually(() => blockOf(summary, itemId).includes(OpenActions.tickActionItem));
    expect(blockOf(summary, itemId)).not.toContain('white_check_mark');
    expect(await doneState(itemId)).toEqual({ done_at: null, done_by: null });
    // The other person may undo a tick too, from their own copy of the summary.
    await tick(USERS.mentee.id, itemId);
    const mariaSummary = h.standIn.dmsTo(USERS.mentor.id).at(-1)!;
    await tick(USERS.mentor.id, itemId, mariaSummary);
    expect(await doneState(itemId)).toMatchObject({ done_by: USERS.mentee.id });
    await h.driver.clickInMessage(USERS.mentor.id, mariaSummary, OpenActions.reopenActionItem, { value: itemId });
    await eventually(async () => (await doneState(itemId)).done_at === null);
  });

  it('changes nothing on an item that is already open', async () => {
    const itemId = itemIds['send the recording']!;
    const message = await postButton(h, USERS.mentor.id, OpenActions.reopenActionItem, itemId, { ephemeral: true });
    await h.driver.clickInMessage(USERS.mentor.id, message, OpenActions.reopenActionItem);
    await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id).some((m) => m.text === 'Marked not done yet.'));
    expect(await doneState(itemId)).toEqual({ done_at: null, done_by: null });
  });

  it('refuses a stranger and leaves the tick as it was', async () => {
    const itemId = itemIds['write the doc']!;
    await tick(USERS.mentee.id, itemId);
    const before = await doneState(itemId);
    const message = await postButton(h, USERS.stranger.id, OpenActions.reopenActionItem, itemId);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.reopenActionItem);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(await doneState(itemId)).toEqual(before);
  });
});

describe('deleting an action item from the notes summary', () => {
  const itemRow = (itemId: string) => h.db.kysely.selectFrom('action_items').select('id').where('id', '=', itemId).executeTakeFirst();

  it("deletes it for both, strikes it through in the presser's message and tells the other person by DM", async () => {
    const itemId = itemIds['send the recording']!;
    const dmsBefore = h.standIn.dmsTo(USERS.mentor.id).length;
    const response = await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.deleteActionItem, { value: itemId });
    expect(response.status).toBe(200);
    await eventually(() => blockOf(summary, itemId).includes('deleted by'));
    expect(blockOf(summary, itemId)).toContain('~send the recording~');
    expect(JSON.stringify(h.standIn.findMessage(summary.channel, summary.ts)?.blocks)).not.toContain(actionItemActionsBlockId(itemId));
    expect(blockOf(summary, itemIds['write the doc']!)).toContain(OpenActions.tickActionItem);
    expect(await itemRow(itemId)).toBeUndefined();
    const told = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).slice(dmsBefore).at(-1));
    expect(JSON.stringify(told.blocks)).toContain(`<@${USERS.mentee.id}> deleted an action item (yours): “send the recording”.`);
    expect(h.standIn.dmsTo(USERS.mentee.id).filter((m) => JSON.stringify(m.blocks).includes('deleted an action item'))).toHaveLength(0);
  });

  it('refuses a stranger, keeps the item and tells nobody', async () => {
    const itemId = itemIds['write the doc']!;
    const before = [h.standIn.dmsTo(USERS.mentor.id).length, h.standIn.dmsTo(USERS.mentee.id).length];
    const message = await postButton(h, USERS.stranger.id, OpenActions.deleteActionItem, itemId);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.deleteActionItem);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    await h.settle();
    expect(await itemRow(itemId)).toBeDefined();
    expect([h.standIn.dmsTo(USERS.mentor.id).length, h.standIn.dmsTo(USERS.mentee.id).length]).toEqual(before);
  });
});

describe('editing an action item from the notes summary', () => {
  const body = (itemId: string) =>
    h.db.kysely.selectFrom('action_items').select(['body', 'owner_id', 'due_on']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const openEdit = async (userId: string, message: StoredMessage, itemId: string) => {
    await h.driver.clickInMessage(userId, message, OpenActions.editActionItem, { value: itemId });
    return eventually(() => {
      const view = h.standIn.topView(userId);
      return view?.callback_id === ActionItemModal.callbackId ? view : undefined;
    });
  };

  it('opens the text prefilled for either person, saves it, and tells the other person the old and new text by DM', async () => {
    const itemId = itemIds['write the doc']!;
    const before = await body(itemId);
    const view = await openEdit(USERS.mentee.id, summary, itemId);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"write the doc"');
    const dmsBefore = h.standIn.dmsTo(USERS.mentor.id).length;
    const result = await h.driver.submitView(USERS.mentee.id, view, { [ActionItemModal.blocks.body]: 'write the design doc, two pages' });
    expect(result.errors).toBeUndefined();
    expect(await body(itemId)).toEqual({ ...before, body: 'write the design doc, two pages' });
    const told = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).slice(dmsBefore).at(-1));
    const text = JSON.stringify(told.blocks);
    expect(text).toContain(`<@${USERS.mentee.id}> edited an action item (theirs).`);
    expect(text).toContain('*Was:* “write the doc”');
    expect(text).toContain('*Now:* “write the design doc, two pages”');
    await h.settle();
    expect(h.standIn.dmsTo(USERS.mentee.id).filter((m) => JSON.stringify(m.blocks).includes('edited an action item'))).toHaveLength(0);
    // The mentor may edit it back from their own copy; the mentee is told in turn.
    const mariaSummary = h.standIn.dmsTo(USERS.mentor.id).find((m) => m.text.startsWith('Notes from'))!;
    const again = await openEdit(USERS.mentor.id, mariaSummary, itemId);
    expect(JSON.stringify(again.blocks)).toContain('"initial_value":"write the design doc, two pages"');
    await h.driver.submitView(USERS.mentor.id, again, { [ActionItemModal.blocks.body]: 'write the doc' });
    await eventually(() =>
      h.standIn.dmsTo(USERS.mentee.id).some((m) => JSON.stringify(m.blocks).includes(`<@${USERS.mentor.id}> edited an action item (yours).`)),
    );
  });

  it('refuses an empty text on the field, keeping the modal open with what was typed, and tells nobody', async () => {
    const itemId = itemIds['send the recording']!;
    const view = await openEdit(USERS.mentor.id, summary, itemId);
    const dmsBefore = h.standIn.dmsTo(USERS.mentee.id).length;
    const result = await h.driver.submitView(USERS.mentor.id, view, { [ActionItemModal.blocks.body]: '   ' });
    expect(result.errors).toEqual({ [ActionItemModal.blocks.body]: 'Say what is to be done.' });
    expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(view.id);
    expect(JSON.stringify(h.standIn.topView(USERS.mentor.id)?.state)).toContain('   ');
    await h.settle();
    expect((await body(itemId)).body).toBe('send the recording');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(dmsBefore);
  });

  it('sends nothing when the text is saved unchanged', async () => {
    const itemId = itemIds['send the recording']!;
    const view = await openEdit(USERS.mentee.id, summary, itemId);
    const dmsBefore = h.standIn.dmsTo(USERS.mentor.id).length;
    await h.driver.submitView(USERS.mentee.id, view, { [ActionItemModal.blocks.body]: 'send the recording' });
    await h.settle();
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(dmsBefore);
  });

  it('refuses a stranger who forges the button, and the text stays', async () => {
    const itemId = itemIds['write the doc']!;
    const message = await postButton(h, USERS.stranger.id, OpenActions.editActionItem, itemId);
    await h.driver.clickInMessage(USERS.stranger.id, message, OpenActions.editActionItem);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
    expect((await body(itemId)).body).toBe('write the doc');
  });
});
