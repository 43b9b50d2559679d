import { randomBytes } from 'node:crypto';
import type { Pair } from '../../../src/db/schema';
import { requireDataKeys } from '../../../src/domain/personal-data/data-keys';
import { keyIdOf, sealedText } from '../../../src/domain/personal-data/sealed-text';
import { createServices } from '../../../src/services';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { JournalModal, MyDataActions } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { cellsHoldingIn } from '../../support/personal-data';
import { eventually } from '../../support/wait';
import { createPair, shown } from '../practice/practice-fixtures';

/**
 * DATA_ENCRYPTION_KEY: journal entries and closing reflections are sealed before they reach the
 * database (no row holds what was typed), read back as typed by their author (the journal, the
 * reflection form, the export), and a missing or wrong key stops the start, naming the key id.
 */
const { mentor, mentee } = USERS;
const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);
const JOURNAL_MARK = 'SEALEDJOURNAL';
const REFLECTION_MARK = 'SEALEDREFLECTION';
const me = { teamId: TEAM_ID, userId: mentee.id };
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ dataKeys: [KEY] });
  pair = await createPair(h, mentor, mentee);
});
afterAll(() => h.close());

const cellsHolding = (marker: string) => cellsHoldingIn(h.db.kysely, marker);

describe('with DATA_ENCRYPTION_KEY set', () => {
  it('stores a journal entry written in the modal with no plaintext in the database, and shows it to its author as typed', async () => {
    await h.driver.command(mentee.id, 'journal');
    const view = await eventually(() => h.standIn.topView(mentee.id));
    expect(JSON.stringify(view.blocks)).toContain('It is encrypted in the database');
    const result = await h.driver.submitView(mentee.id, view, { [JournalModal.write.blocks.wentWell]: `${JOURNAL_MARK} went well` });
    expect(result.errors).toBeUndefined();
    const saved = await eventually(() => h.standIn.ephemeralsFor(mentee.id).find((m) => m.text === 'Saved to your journal.'));
    expect(shown(saved)).toContain(`${JOURNAL_MARK} went well`);
    expect(await cellsHolding(JOURNAL_MARK)).toEqual([]);
    const row = await h.db.kysely.selectFrom('journal_entries').selectAll().where('author_id', '=', mentee.id).executeTakeFirstOrThrow();
    expect(row.went_well).toMatch(new RegExp(`^enc:v1:${keyIdOf(KEY)}:`));
    expect(row.learned).toBeNull();
  });

  it('seals an edit too', async () => {
    const [entry] = await h.bot.services.journal.recent(me);
    const edited = await h.bot.services.journal.edit(me, entry!.id, { wentWell: `${JOURNAL_MARK} edited`, learned: null, tryNext: null });
    expect(edited).toMatchObject({ ok: true, entry: { wentWell: `${JOURNAL_MARK} edited` } });
    expect(await cellsHolding(JOURNAL_MARK)).toEqual([]);
  });

  it('seals a closing reflection and opens it again in the reflection form', async () => {
    await h.bot.services.lifecycle.end(me, pair.id, null);
    const form = {
      learned: `${REFLECTION_MARK} learned`,
      nextSteps: null,
      longTermGoals: `${REFLECTION_MARK} goals`,
      stayInTouch: null,
      wouldMentor: 'yes' as const,
      checkIns: true,
    };
    expect(await h.bot.services.closing.saveReflection(me, pair.id, form)).toEqual({ ok: true, checkIns: true });
    expect(await cellsHolding(REFLECTION_MARK)).toEqual([]);
    const { reflection } = await h.bot.services.closing.reflectionDraft(me, pair.id);
    expect(reflection).toMatchObject({ learned: `${REFLECTION_MARK} learned`, long_term_goals: `${REFLECTION_MARK} goals` });
  });

  it('quotes the long-term goals as typed in the month-later check-in, which the scheduler renders', async () => {
    h.clock.advance(32 * 86_400_000);
    await h.bot.scheduler.runPass(h.clock.now);
    await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => shown(m).includes(`${REFLECTION_MARK} goals`)));
  });

  it('exports the journal and the reflection as typed', async () => {
    await h.driver.command(mentee.id, 'mydata');
    const message = await eventually(() => h.standIn.ephemeralsFor(mentee.id).find((m) => m.text.startsWith('Your data')));
    await h.driver.clickInMessage(mentee.id, message, MyDataActions.export);
    const file = await eventually(() => h.standIn.filesTo(mentee.id)[0]);
    const exported = JSON.parse(file.content!.toString('utf8'));
    expect(exported.youWrote.journal).toMatchObject([{ went_well: `${JOURNAL_MARK} edited` }]);
    expect(exported.youWrote.closingReflections).toMatchObject([{ learned: `${REFLECTION_MARK} learned`, long_term_goals: `${REFLECTION_MARK} goals` }]);
  });
});

describe('a missing or wrong key', () => {
  it('stops the start, naming the key id the database needs; the key listed after a new one (rotation) is enough', async () => {
    const needed = keyIdOf(KEY);
    await expect(requireDataKeys(h.db.kysely, [])).rejects.toThrow(new RegExp(`^DATA_ENCRYPTION_KEY: unset, .*key id ${needed}`));
    await expect(requireDataKeys(h.db.kysely, [OTHER_KEY])).rejects.toThrow(new RegExp(`^DATA_ENCRYPTION_KEY: .*key id ${needed}, which it does not list`));
    await expect(requireDataKeys(h.db.kysely, [OTHER_KEY, KEY])).resolves.toBeUndefined();
  });

  it('refuses a read clearly, naming the key id', async () => {
    const clock = h.clock.now;
    const wrong = createServices(h.db.kysely, clock, createEffectsRecorder(clock), sealedText([OTHER_KEY]));
    await expect(wrong.journal.recent(me)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringContaining(keyIdOf(KEY)) });
    await expect(wrong.closing.reflectionDraft(me, pair.id)).rejects.toMatchObject({ code: 'unreadable' });
    await expect(wrong.personalData.exportFor(me)).rejects.toMatchObject({ code: 'unreadable' });
    // With the old key listed after the new one, everything reads; new entries are sealed with the new key.
    const rotated = createServices(h.db.kysely, clock, createEffectsRecorder(clock), sealedText([OTHER_KEY, KEY]));
    expect((await rotated.journal.recent(me))[0]?.wentWell).toBe(`${JOURNAL_MARK} edited`);
  });
});
