import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import type { StoredMessage, StoredView } from '../../../src/devtools/slack-stand-in';
import { JournalActions, JournalModal, OpenActions, PairPicker } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { createPair, postDmWithButton, postEphemeralWithButton, publishHomeWithButton, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const PAT = { id: 'UPAT', name: 'pat', realName: 'Pat Peer', tz: 'Australia/Sydney' };
const { write: w } = JournalModal;
const SECRET = 'I am scared of the architecture review';
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

const entries = () => h.db.kysely.selectFrom('journal_entries').selectAll().orderBy('created_at').execute();
const isList = (m: StoredMessage) => m.text === 'Your journal' || m.text === 'Saved to your journal.';

async function openJournal(userId: string): Promise<StoredView> {
  const response = await h.driver.command(userId, 'journal');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

async function write(userId: string, inputs: Record<string, unknown>): Promise<StoredMessage> {
  const view = await openJournal(userId);
  const result = await h.driver.submitView(userId, view, inputs);
  expect(result.errors).toBeUndefined();
  return eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text === 'Saved to your journal.'));
}

/** Everything anyone but `author` was shown: messages to them, their modals, their Home tab. */
function seenByOthers(author: string): string {
  const everyone = [mentor.id, mentee.id, stranger.id, other.id, PAT.id].filter((id) => id !== author);
  const messages = h.standIn.allMessages().filter((m) => m.ephemeralFor !== author && m.channel !== `D${author}`);
  const views = everyone.flatMap((id) => [...h.standIn.openViews(id), h.standIn.homeView(id)]).filter(Boolean);
  return JSON.stringify([messages, views]);
}

describe('/mentorship journal', () => {
  it('opens the three prompts, says the journal is private, and lists the (empty) journal privately', async () => {
    const view = await openJournal(mentee.id);
    expect(view.callback_id).toBe(w.callbackId);
    const text = JSON.stringify(view.blocks);
    for (const prompt of ['What went well?', 'What did I learn?', 'What will I try next?']) expect(text).toContain(prompt);
    expect(text).toMatch(/only you can ever read your journal/);
    const listed = await eventually(() => h.standIn.ephemeralsFor(mentee.id).find(isList));
    expect(shown(listed)).toContain('empty so far');
  });

  it('requires at least one of the three prompts, on the first field, and saves nothing', async () => {
    const before = (await entries()).length;
    const view = await openJournal(mentee.id);
    const result = await h.driver.submitView(mentee.id, view, {});
    expect(result.errors?.[w.blocks.wentWell]).toMatch(/at least one/);
    expect(h.standIn.topView(mentee.id)?.id).toBe(view.id);
    expect(await entries()).toHaveLength(before);
  });

  it('saves an entry for its author, tied to their pair, and lists it with the time in their zone', async () => {
    const saved = await write(mentee.id, { [w.blocks.wentWell]: SECRET, [w.blocks.tryNext]: 'Ask Maria to rehearse with me' });
    expect(shown(saved)).toContain(SECRET);
    // 12:00Z is 07:00 in New York.
    expect(shown(saved)).toContain('Mon 23 Nov 2026, 09:00 (America/New_York)');
    expect((await entries()).at(-1)).toMatchObject({ author_id: mentee.id, pair_id: pair.id, went_well: SECRET, learned: null });
  });

  it('lists the five most recent entries, newest first', async () => {
    for (let i = 1; i <= 6; i += 1) {
      h.clock.set(`2026-11-2${3 + (i % 3)}T1${i}:00:00Z`);
      await h.bot.services.journal.write(
        { teamId: 'T0TEST', userId: mentor.id },
        { pairId: null, wentWell: `mentor entry ${i}`, learned: null, tryNext: null },
        async () => {
          throw new Error('Maria is stored with her pair');
        },
      );
    }
    h.clock.set('2026-11-23T14:00:00Z');
    const response = await h.driver.command(mentor.id, 'journal list');
    expect(response.status).toBe(200);
    const listed = shown(await eventually(() => h.standIn.ephemeralsFor(mentor.id).find(isList)));
    const order = [...listed.matchAll(/mentor entry (\d)/g)].map((m) => Number(m[1]));
    // Written at 24th 11:00, 25th 12:00, 23rd 13:00, 24th 14:00, 25th 15:00, 23rd 16:00: newest first, the oldest left out.
    expect(order).toEqual([5, 2, 4, 1, 6]);
    expect(h.standIn.topView(mentor.id)).toBeUndefined();
  });

  it('shows nobody else an entry: not the mentor, not a stranger, not a member of another pair', async () => {
    // The newest entry of anyone's, so any list that forgot to filter by author would show it.
    h.clock.set('2026-11-27T12:00:00Z');
    await write(mentee.id, { [w.blocks.learned]: `${SECRET} (newest)` });
    h.clock.set('2026-11-23T14:00:00Z');
    for (const userId of [mentor.id, stranger.id, other.id]) {
      await h.driver.command(userId, 'journal');
      await eventually(() => h.standIn.ephemeralsFor(userId).find(isList));
    }
    await h.settle();
    expect(seenByOthers(mentee.id)).not.toContain(SECRET);
  });

  it.each([
    ['the mentor', mentor.id],
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])('refuses %s pressing a button that names the entry, and shows nothing of it', async (_who, userId) => {
    const entry = (await entries()).find((e) => e.went_well === SECRET)!;
    const message = await postDmWithButton(h, userId, JournalActions.openEntry, entry.id);
    await h.driver.clickInMessage(userId, message, JournalActions.openEntry);
    const home = await publishHomeWithButton(h, userId, JournalActions.openEntry, entry.id);
    await h.driver.clickInView(userId, home, JournalActions.openEntry);
    await eventually(() => h.standIn.ephemeralsFor(userId).filter((m) => m.text.includes("can't find that entry")).length === 2);
    await h.settle();
    expect(h.standIn.topView(userId)).toBeUndefined();
    expect(JSON.stringify(h.standIn.allMessages())).not.toContain(SECRET);
  });

  it('opens a long entry whole for its author from the list', async () => {
    const long = `${'A long reflection. '.repeat(30)}THE END`;
    const saved = await write(mentee.id, { [w.blocks.learned]: long });
    expect(shown(saved)).not.toContain('THE END');
    const entry = (await entries()).find((e) => e.learned === long)!;
    await h.driver.clickInMessage(mentee.id, saved, JournalActions.openEntry, { value: entry.id });
    const view = await eventually(() => h.standIn.topView(mentee.id));
    expect(view.callback_id).toBe(JournalModal.entry.callbackId);
    expect(JSON.stringify(view.blocks)).toContain('THE END');
  });

  it('escapes mentions and broadcasts typed into an entry', async () => {
    const saved = await write(mentee.id, { [w.blocks.wentWell]: `<!channel> <@${mentor.id}> & co` });
    const text = shown(saved);
    expect(text).toContain(`&lt;!channel&gt; &lt;@${mentor.id}&gt; &amp; co`);
    expect(text).not.toContain('<!channel>');
  });

  it('lets someone in no pair keep a journal, not tied to any pair', async () => {
    const saved = await write(stranger.id, { [w.blocks.learned]: 'Sam learned something' });
    expect(shown(saved)).toContain('Sam learned something');
    expect(shown(saved)).toContain('(Asia/Tokyo)');
    expect((await entries()).find((e) => e.learned === 'Sam learned something')).toMatchObject({ author_id: stranger.id, pair_id: null });
  });

  it('answers an unknown word with the usage and opens nothing', async () => {
    const response = await h.driver.command(mentee.id, 'journal share with maria');
    expect(response.json.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.json.blocks)).toContain('/mentorship journal list');
    await h.settle();
    expect(h.standIn.topView(mentee.id)).toBeUndefined();
  });

  it('refuses a forged pair id in the modal metadata', async () => {
    const before = (await entries()).length;
    const view = await openJournal(mentee.id);
    const olgaPair = await h.db.kysely.selectFrom('pairs').select('id').where('mentor_id', '=', other.id).executeTakeFirstOrThrow();
    h.standIn.findView(view.id)!.private_metadata = JSON.stringify({ pairId: olgaPair.id });
    const result = await h.driver.submitView(mentee.id, view, { [w.blocks.wentWell]: 'x' });
    expect(result.errors?.[w.blocks.wentWell]).toMatch(/not part of that mentorship/);
    expect(await entries()).toHaveLength(before);
  });

  it('offers an optional choice of pair to someone in two', async () => {
    const second = await createPair(h, mentor, PAT);
    const view = await openJournal(mentor.id);
    const picker = view.blocks.find((b) => b.block_id === PairPicker.blockId);
    expect(picker?.optional).toBe(true);
    await h.driver.submitView(mentor.id, view, { [w.blocks.wentWell]: 'not about anyone' });
    await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text === 'Saved to your journal.'));
    expect((await entries()).find((e) => e.went_well === 'not about anyone')?.pair_id).toBeNull();
    await sql`delete from pairs where id = ${second.id}`.execute(h.db.kysely);
  });
});

describe('the "Write a journal entry" button (OpenActions.writeJournal)', () => {
  it.each([
    [
      'the Home tab',
      async (userId: string, value: string) =>
        h.driver.clickInView(userId, await publishHomeWithButton(h, userId, OpenActions.writeJournal, value), OpenActions.writeJournal),
    ],
    [
      'a DM',
      async (userId: string, value: string) =>
        h.driver.clickInMessage(userId, await postDmWithButton(h, userId, OpenActions.writeJournal, value), OpenActions.writeJournal),
    ],
    [
      'an ephemeral message',
      async (userId: string, value: string) =>
        h.driver.clickInMessage(userId, await postEphemeralWithButton(h, userId, OpenActions.writeJournal, value), OpenActions.writeJournal),
    ],
  ])('opens the journal modal when pressed in %s, with a pair id or with none', async (_where, press) => {
    await press(mentee.id, pair.id);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    expect(view.callback_id).toBe(w.callbackId);
    expect(JSON.parse(view.private_metadata).pairId).toBe(pair.id);
    h.standIn.closeView(mentee.id, view.id);
    await press(stranger.id, '');
    expect((await eventually(() => h.standIn.topView(stranger.id))).callback_id).toBe(w.callbackId);
  });

  it.each([
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])("refuses %s pressing it with the pair's id", async (_who, userId) => {
    const home = await publishHomeWithButton(h, userId, OpenActions.writeJournal, pair.id);
    await h.driver.clickInView(userId, home, OpenActions.writeJournal);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(userId)[0]);
    expect(shown(refusal)).toMatch(/not part of that mentorship/);
    await h.settle();
    expect(h.standIn.topView(userId)).toBeUndefined();
  });
});
