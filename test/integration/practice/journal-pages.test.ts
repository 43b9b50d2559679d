import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { JournalActions, JournalModal } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { allSeenBy, createPair, postDmWithButton } from './practice-fixtures';

/**
 * The whole journal: its author pages through every entry (newest first), edits and deletes them in
 * one modal. An entry that is gone, or someone else's, does not exist for the presser: refused,
 * nothing changed, the page redrawn as it now is.
 */
const { mentor, mentee, stranger } = USERS;
const { write: w } = JournalModal;
const SECRET = 'THEOJOURNAL';
let h: Harness;

const noProfile = async () => {
  throw new Error('stored with their pair');
};
const entries = (authorId: string) =>
  h.db.kysely.selectFrom('journal_entries').selectAll().where('author_id', '=', authorId).orderBy('created_at', 'desc').orderBy('id').execute();

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  await createPair(h, mentor, mentee);
  // Twelve entries of Theo's, an hour apart (entry 12 the newest), and one of Maria's.
  for (let i = 1; i <= 12; i += 1) {
    h.clock.set(`2026-11-20T${String(i + 5).padStart(2, '0')}:00:00Z`);
    await h.bot.services.journal.write(
      { teamId: TEAM_ID, userId: mentee.id },
      { pairId: null, wentWell: `${SECRET} ${i}.`, learned: null, tryNext: null },
      noProfile,
    );
  }
  await h.bot.services.journal.write(
    { teamId: TEAM_ID, userId: mentor.id },
    { pairId: null, wentWell: 'Maria wrote this', learned: null, tryNext: null },
    noProfile,
  );
  h.clock.set('2026-11-23T14:00:00Z');
});
afterAll(() => h.close());

const numbersIn = (view: StoredView) => [...JSON.stringify(view.blocks).matchAll(new RegExp(`${SECRET} (\\d+)\\.`, 'g'))].map((m) => Number(m[1]));
const modalOf = (userId: string) => eventually(() => h.standIn.topView(userId));

async function openWholeJournal(userId: string): Promise<StoredView> {
  await h.driver.command(userId, 'journal list');
  const list = await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text === 'Your journal'));
  await h.driver.clickInMessage(userId, list, JournalActions.browse);
  return eventually(() => h.standIn.topView(userId)?.callback_id === JournalModal.browse.callbackId && h.standIn.topView(userId));
}

/** Presses a button of the journal modal (the one naming `value`) and waits for the modal to change. */
async function pressIn(userId: string, view: StoredView, actionId: string, value: string): Promise<StoredView> {
  const hash = h.standIn.topView(userId)?.hash;
  await h.driver.clickInView(userId, view, actionId, { value });
  await h.settle();
  return eventually(() => h.standIn.topView(userId)?.hash !== hash && h.standIn.topView(userId));
}

describe('paging', () => {
  it('opens every entry of the author, five at a time, newest first, and turns the pages both ways', async () => {
    let view = await openWholeJournal(mentee.id);
    expect(JSON.stringify(view.blocks)).toContain('Entries 1–5 of 12');
    expect(numbersIn(view)).toEqual([12, 11, 10, 9, 8]);
    view = await pressIn(mentee.id, view, JournalActions.olderPage, '5');
    expect(numbersIn(view)).toEqual([7, 6, 5, 4, 3]);
    view = await pressIn(mentee.id, view, JournalActions.olderPage, '10');
    expect(JSON.stringify(view.blocks)).toContain('Entries 11–12 of 12');
    expect(numbersIn(view)).toEqual([2, 1]);
    expect(JSON.stringify(view.blocks)).not.toContain('Older entries');
    view = await pressIn(mentee.id, view, JournalActions.newerPage, '5');
    expect(numbersIn(view)).toEqual([7, 6, 5, 4, 3]);
    // A page past the end (deleted meanwhile, or a made-up value) shows the last one.
    view = await pressIn(mentee.id, view, JournalActions.olderPage, '95');
    expect(numbersIn(view)).toEqual([2, 1]);
    expect(JSON.stringify(view.blocks)).not.toContain('Maria wrote this');
    h.standIn.closeView(mentee.id, view.id);
  });

  it('shows another person their own journal only', async () => {
    const view = await openWholeJournal(mentor.id);
    expect(JSON.stringify(view.blocks)).toContain('Maria wrote this');
    expect(JSON.stringify(view.blocks)).toContain('Entries 1–1 of 1');
    expect(JSON.stringify(view.blocks)).not.toContain(SECRET);
    h.standIn.closeView(mentor.id, view.id);
  });
});

describe('editing', () => {
  it('turns the modal into the filled-in form, saves the change, and shows the same page again', async () => {
    let view = await openWholeJournal(mentee.id);
    view = await pressIn(mentee.id, view, JournalActions.olderPage, '5');
    const target = (await entries(mentee.id))[6]!; // entry 6
    const form = await pressIn(mentee.id, view, JournalActions.editEntry, target.id);
    expect(form.callback_id).toBe(JournalModal.edit.callbackId);
    expect(JSON.stringify(form.blocks)).toContain(`${SECRET} 6.`);
    // At least one answer, as when writing.
    const empty = await h.driver.submitView(mentee.id, form, { [w.blocks.wentWell]: '' });
    expect(empty.errors?.[w.blocks.wentWell]).toMatch(/at least one/);
    const saved = await h.driver.submitView(mentee.id, form, { [w.blocks.wentWell]: `${SECRET} 6. Rewritten`, [w.blocks.learned]: 'A second thought' });
    expect(saved.errors).toBeUndefined();
    const page = await modalOf(mentee.id);
    expect(page.callback_id).toBe(JournalModal.browse.callbackId);
    expect(JSON.stringify(page.blocks)).toContain('Entry saved.');
    expect(JSON.stringify(page.blocks)).toContain('Rewritten');
    expect(JSON.stringify(page.blocks)).toContain('edited Mon 23 Nov 2026');
    expect(numbersIn(page)).toEqual([7, 6, 5, 4, 3]);
    expect((await entries(mentee.id))[6]).toMatchObject({ went_well: `${SECRET} 6. Rewritten`, learned: 'A second thought', edited_at: h.clock.now() });
    h.standIn.closeView(mentee.id, page.id);
  });

  it('refuses to save an edit of an entry deleted meanwhile, under the form, and stores nothing', async () => {
    const view = await openWholeJournal(mentee.id);
    const target = (await entries(mentee.id))[0]!;
    const form = await pressIn(mentee.id, view, JournalActions.editEntry, target.id);
    await h.bot.services.journal.delete({ teamId: TEAM_ID, userId: mentee.id }, target.id);
    const result = await h.driver.submitView(mentee.id, form, { [w.blocks.wentWell]: 'written into nothing' });
    expect(result.errors?.[w.blocks.wentWell]).toMatch(/can't find that entry in your journal/);
    expect(JSON.stringify(await entries(mentee.id))).not.toContain('written into nothing');
    h.standIn.closeView(mentee.id, form.id);
  });
});

describe('deleting', () => {
  it("deletes the entry after Slack's confirm dialog and redraws the same page without it", async () => {
    let view = await openWholeJournal(mentee.id);
    const deleteButton = view.blocks
      .flatMap((block) => (block.elements ?? []) as Array<Record<string, any>>)
      .find((element) => element.action_id === JournalActions.deleteEntry);
    expect(deleteButton?.confirm).toMatchObject({ confirm: { text: 'Delete' }, deny: { text: 'Keep it' } });
    const before = await entries(mentee.id);
    view = await pressIn(mentee.id, view, JournalActions.deleteEntry, before[1]!.id);
    expect(JSON.stringify(view.blocks)).toContain('Entry deleted.');
    expect(JSON.stringify(view.blocks)).toContain(`of ${before.length - 1}`);
    expect((await entries(mentee.id)).map((e) => e.id)).toEqual(before.filter((_, i) => i !== 1).map((e) => e.id));
    h.standIn.closeView(mentee.id, view.id);
  });

  it('refuses a stale Delete or Edit (the entry is already gone), privately, and redraws the page as it is', async () => {
    let view = await openWholeJournal(mentee.id);
    const gone = (await entries(mentee.id))[0]!;
    await h.bot.services.journal.delete({ teamId: TEAM_ID, userId: mentee.id }, gone.id);
    const count = (await entries(mentee.id)).length;
    for (const actionId of [JournalActions.deleteEntry, JournalActions.editEntry]) {
      const refusals = h.standIn.ephemeralsFor(mentee.id).filter((m) => m.text.includes("can't find that entry")).length;
      view = await pressIn(mentee.id, view, actionId, gone.id);
      expect(view.callback_id).toBe(JournalModal.browse.callbackId);
      expect(JSON.stringify(view.blocks)).not.toContain(gone.id);
      await eventually(() => h.standIn.ephemeralsFor(mentee.id).filter((m) => m.text.includes("can't find that entry")).length > refusals);
    }
    expect(await entries(mentee.id)).toHaveLength(count);
    h.standIn.closeView(mentee.id, view.id);
  });
});

describe("someone else's entry", () => {
  it.each([
    ['the mentor', mentor.id],
    ['a stranger', stranger.id],
  ])('is never edited, deleted or shown when %s presses a button naming it, or submits a form naming it', async (_who, userId) => {
    const target = (await entries(mentee.id))[0]!;
    const before = JSON.stringify(await entries(mentee.id));
    for (const actionId of [JournalActions.editEntry, JournalActions.deleteEntry]) {
      const message = await postDmWithButton(h, userId, actionId, target.id);
      await h.driver.clickInMessage(userId, message, actionId);
    }
    // Their own journal modal, with the entry's id forged into an edit form's metadata.
    const opened = await h.bot.slackApp.app.client.views.open({
      trigger_id: h.standIn.issueTriggerId(userId),
      view: { ...journalEditForm(), private_metadata: JSON.stringify({ entryId: target.id, offset: 0 }) } as never,
    });
    const forged = h.standIn.findView(opened.view!.id!)!;
    const result = await h.driver.submitView(userId, forged, { [w.blocks.wentWell]: 'intruder edit' });
    expect(result.errors?.[w.blocks.wentWell]).toMatch(/can't find that entry in your journal/);
    await eventually(() => h.standIn.ephemeralsFor(userId).filter((m) => m.text.includes("can't find that entry")).length >= 2);
    await h.settle();
    expect(JSON.stringify(await entries(mentee.id))).toBe(before);
    expect(allSeenBy(h, userId)).not.toContain(SECRET);
    h.standIn.closeView(userId, forged.id);
  });
});

/** The edit form as the bot builds it, for a forged submission. */
const journalEditForm = () => ({
  type: 'modal',
  callback_id: JournalModal.edit.callbackId,
  title: { type: 'plain_text', text: 'Edit journal entry' },
  submit: { type: 'plain_text', text: 'Save' },
  blocks: [
    {
      type: 'input',
      block_id: w.blocks.wentWell,
      optional: true,
      label: { type: 'plain_text', text: 'What went well?' },
      element: { type: 'plain_text_input', action_id: w.actions.wentWell },
    },
  ],
});

describe('a long entry', () => {
  it('is cut on the page, and read whole in a modal pushed over it', async () => {
    const long = `${'A long reflection. '.repeat(30)}THE END`;
    const written = await h.bot.services.journal.write(
      { teamId: TEAM_ID, userId: mentor.id },
      { pairId: null, wentWell: long, learned: null, tryNext: null },
      noProfile,
    );
    if (!written.ok) throw new Error('not saved');
    const page = await openWholeJournal(mentor.id);
    expect(JSON.stringify(page.blocks)).not.toContain('THE END');
    await h.driver.clickInView(mentor.id, page, JournalActions.openEntry, { value: written.entry.id });
    const whole = await eventually(() => h.standIn.topView(mentor.id)?.callback_id === JournalModal.entry.callbackId && h.standIn.topView(mentor.id));
    expect(JSON.stringify(whole.blocks)).toContain('THE END');
    expect(h.standIn.openViews(mentor.id).map((view) => view.callback_id)).toEqual([JournalModal.browse.callbackId, JournalModal.entry.callbackId]);
  });
});
