import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import type { JournalItem } from '../../../../src/domain/journal/events';
import { journalEditModal, journalEntryModal, journalListMessage, journalModal } from '../../../../src/slack/blocks/journal-blocks';
import { journalBrowseModal } from '../../../../src/slack/blocks/journal-browse';
import { JournalActions, PairPicker } from '../../../../src/slack/ids';
import { at, choices, hostile, uuid } from './practice-builders';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const entry = (over: Partial<JournalItem> = {}): JournalItem => ({
  id: uuid(),
  pairId: null,
  wentWell: hostile(2000),
  learned: hostile(2000),
  tryNext: hostile(2000),
  createdAt: at,
  editedAt: null,
  ...over,
});

describe('journal builders', () => {
  it('keep five entries of the longest, most hostile answers within one valid message, escaped', () => {
    const message = journalListMessage(
      Array.from({ length: 5 }, () => entry()),
      'Asia/Tokyo',
      { saved: true },
    );
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).not.toMatch(/<!channel>|<@U999>|<#C1>/);
    expect(JSON.stringify(message.blocks)).toContain('Mon 23 Nov 2026, 21:00 (Asia/Tokyo)');
  });

  it('offer the whole entry only when the list had to cut it', () => {
    const short = entry({ wentWell: 'short', learned: null, tryNext: null });
    expect(JSON.stringify(journalListMessage([short], 'UTC').blocks)).not.toContain(JournalActions.openEntry);
    expect(JSON.stringify(journalListMessage([entry()], 'UTC').blocks)).toContain(JournalActions.openEntry);
  });

  it('show a whole entry in a valid read-only modal', () => {
    const view = journalEntryModal(entry(), 'UTC');
    expect(validateView(view)).toEqual([]);
    expect(view.submit).toBeUndefined();
  });

  it('offer an optional pair choice only to someone in several pairs with none chosen', () => {
    const picker = (view: ReturnType<typeof journalModal>) => view.blocks.find((b) => b.block_id === PairPicker.blockId);
    expect(picker(journalModal({ choices: choices(1), names: {} }))).toBeUndefined();
    expect(picker(journalModal({ choices: choices(2), names: {} }))).toMatchObject({ optional: true });
    expect(validateView(journalModal({ choices: choices(100), names: {}, channelId: 'D1' }))).toEqual([]);
  });
});

describe('journal buttons for screen readers', () => {
  it('name the entry each "Read the whole entry" opens by its date', () => {
    const message = journalListMessage([entry({ createdAt: new Date('2026-11-20T09:00:00Z') }), entry({ createdAt: at })], 'UTC');
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    expect(spokenButtons(message.blocks).filter((b) => b.actionId === JournalActions.openEntry)[0]!.spoken).toBe(
      'Read the whole entry of Fri 20 Nov 2026, 09:00 (UTC)',
    );
  });
});

describe('the whole journal, a page at a time', () => {
  const page = (count: number, offset: number, total: number) => ({
    entries: Array.from({ length: count }, (_, i) => entry({ createdAt: new Date(at.getTime() - i * 3_600_000) })),
    offset,
    total,
    size: 5,
    encrypted: false,
  });

  it('keeps a full page of the longest, most hostile entries within one valid modal, escaped, with a confirm before deleting', () => {
    const view = journalBrowseModal(page(5, 5, 12), 'Asia/Tokyo', 'Entry deleted.');
    expect(validateView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).not.toMatch(/<!channel>|<@U999>|<#C1>/);
    expect(text).toContain('Entries 6–10 of 12');
    expect(text).toContain('Newer entries');
    expect(text).toContain('Older entries');
    expect(ambiguousButtons(view.blocks)).toEqual([]);
  });

  it('offers no page past either end, and says when the journal is empty', () => {
    expect(JSON.stringify(journalBrowseModal(page(2, 10, 12), 'UTC').blocks)).not.toContain('Older entries');
    expect(JSON.stringify(journalBrowseModal(page(5, 0, 12), 'UTC').blocks)).not.toContain('Newer entries');
    const empty = journalBrowseModal(page(0, 0, 0), 'UTC');
    expect(validateView(empty)).toEqual([]);
    expect(JSON.stringify(empty.blocks)).toContain('Your journal is empty.');
  });

  it('fills the edit form with the entry, in a valid modal that carries the entry and the page', () => {
    const filled = entry();
    const view = journalEditModal(filled, 10, 'UTC');
    expect(validateView(view)).toEqual([]);
    expect(JSON.parse(view.private_metadata!)).toEqual({ entryId: filled.id, offset: 10 });
    expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(filled.learned).slice(1, 40));
  });
});

describe('the privacy sentence', () => {
  it('says exactly who can read the journal: only its author through the bot; in the database, nobody when encrypted, else its operators', () => {
    const text = (encrypted: boolean) => JSON.stringify(journalModal({ choices: choices(1), names: {}, encrypted }).blocks);
    expect(text(true)).toMatch(/through this bot only you can ever read your journal.*encrypted in the database, so not even the people who run it/);
    expect(text(false)).toMatch(/stored unencrypted, so the people who run the bot’s database could read it/);
    expect(JSON.stringify(journalListMessage([], 'UTC', { encrypted: true }).blocks)).toContain('encrypted in the database');
  });
});
