import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { ALL_STATES, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { ensureWorkspace, findPerson, upsertPerson } from '../people/people.repository';
import { JOURNAL_TEXTS, openTexts, PLAIN_TEXT, type TextCipher } from '../personal-data/sealed-text';
import { type JournalItem, journalItem } from './events';
import { checkJournalDraft, type JournalDraft, type JournalField, PAGE_SIZE, pageStart, RECENT_ENTRIES } from './journal-rules';
import {
  countEntriesOfAuthor,
  deleteEntryOfAuthor,
  findEntryOfAuthor,
  insertEntry,
  type JournalEntry,
  listEntriesOfAuthor,
  updateEntryOfAuthor,
} from './journal.repository';

export const ENTRY_NOT_FOUND = "I can't find that entry in your journal.";

/** A page of the author's whole journal, newest first: entries `offset + 1` to `offset + entries.length` of `total`. */
export interface JournalPage {
  entries: JournalItem[];
  offset: number;
  total: number;
  size: number;
  /** Whether entries are encrypted at rest (the privacy sentence says so). */
  encrypted: boolean;
}

export type EditEntryResult = { ok: true; entry: JournalItem } | { ok: false; errors: FieldErrors<JournalField> };

export type WriteEntryResult =
  WithEffects<{ ok: true; entry: JournalItem; recent: JournalItem[]; zone: string }> | { ok: false; errors: FieldErrors<JournalField> };

/** How the author's name and zone are found the first time they write (the Slack layer asks Slack). */
export type ProfileLookup = () => Promise<{ displayName: string; timeZone: string }>;

/**
 * The private journal. Only the author ever reads an entry: not the other person of the pair, not
 * the mentor. Writing one tells nobody anything (its event only refreshes the author's Home tab).
 */
export class JournalService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
    /** DATA_ENCRYPTION_KEY: entries are sealed before they are stored and opened only for their author. */
    private readonly cipher: TextCipher = PLAIN_TEXT,
  ) {}

  /**
   * Saves the entry, optionally tied to one of the author's own pairs (any state: a journal may look
   * back on a mentorship that ended). A pair that is not theirs is refused before anything is stored,
   * the author included; an author the bot never met is stored first (`lookup`), since the entry
   * points at them. The answer carries the author's latest entries for their private confirmation.
   */
  async write(actor: Actor, input: JournalDraft & { pairId: string | null }, lookup: ProfileLookup): Promise<WriteEntryResult> {
    const checked = checkJournalDraft(input);
    if (!checked.ok) return checked;
    if (input.pairId) await pairOfMember(this.db, actor, input.pairId, { states: ALL_STATES });
    const known = await findPerson(this.db, actor.teamId, actor.userId);
    // Slack is asked outside the transaction: no row stays locked while it answers.
    const profile = known ? null : await lookup();
    const done = await this.db.transaction().execute(async (tx) => {
      if (profile) {
        await ensureWorkspace(tx, actor.teamId);
        await upsertPerson(tx, { teamId: actor.teamId, userId: actor.userId, displayName: profile.displayName, timeZone: profile.timeZone });
      }
      const row = await insertEntry(tx, {
        team_id: actor.teamId,
        author_id: actor.userId,
        pair_id: input.pairId,
        ...this.sealed(checked.entry),
        created_at: this.clock(),
      });
      const effects = await this.effects.record(tx, actor.teamId, [{ type: 'journal_written', authorId: actor.userId, entryId: row.id }]);
      return { entry: this.itemOf(row), effects };
    });
    const zone = known?.time_zone ?? profile?.timeZone ?? 'UTC';
    return { ok: true, ...done, recent: await this.recent(actor), zone };
  }

  /** The person's own most recent entries, newest first. */
  async recent(actor: Actor, limit = RECENT_ENTRIES): Promise<JournalItem[]> {
    return (await listEntriesOfAuthor(this.db, actor.teamId, actor.userId, limit)).map((row) => this.itemOf(row));
  }

  /** DATA_ENCRYPTION_KEY is set: entries are sealed at rest (what the privacy sentence says). */
  get encrypted(): boolean {
    return this.cipher.encrypting;
  }

  /** The author's own entries from `offset` (moved to the last page when fewer are left), newest first. */
  async page(actor: Actor, offset: number, size = PAGE_SIZE): Promise<JournalPage> {
    const total = await countEntriesOfAuthor(this.db, actor.teamId, actor.userId);
    const start = pageStart(offset, total, size);
    const rows = await listEntriesOfAuthor(this.db, actor.teamId, actor.userId, size, start);
    return { entries: rows.map((row) => this.itemOf(row)), offset: start, total, size, encrypted: this.encrypted };
  }

  /**
   * Rewrites the author's own entry (same rules as writing one; the pair it is about stays). Someone
   * else's entry, or one deleted meanwhile, does not exist for them. Nothing is sent and no Home tab
   * shows the journal, so there is no event.
   */
  async edit(actor: Actor, entryId: string, draft: JournalDraft): Promise<EditEntryResult> {
    const checked = checkJournalDraft(draft);
    if (!checked.ok) return checked;
    const row = await updateEntryOfAuthor(this.db, actor.teamId, actor.userId, entryId, { ...this.sealed(checked.entry), edited_at: this.clock() });
    if (!row) throw new DomainError('not_found', ENTRY_NOT_FOUND);
    return { ok: true, entry: this.itemOf(row) };
  }

  /** Deletes the author's own entry for good; someone else's, or one already gone, does not exist for them. */
  async delete(actor: Actor, entryId: string): Promise<void> {
    if (!(await deleteEntryOfAuthor(this.db, actor.teamId, actor.userId, entryId))) throw new DomainError('not_found', ENTRY_NOT_FOUND);
  }

  /** One entry, for its author only; for anyone else it does not exist. */
  async read(actor: Actor, entryId: string): Promise<JournalItem> {
    const entry = await findEntryOfAuthor(this.db, actor.teamId, actor.userId, entryId);
    if (!entry) throw new DomainError('not_found', ENTRY_NOT_FOUND);
    return this.itemOf(entry);
  }

  private sealed(entry: JournalDraft) {
    return { went_well: this.cipher.seal(entry.wentWell), learned: this.cipher.seal(entry.learned), try_next: this.cipher.seal(entry.tryNext) };
  }

  /** The entry as its author reads it (opened). */
  private itemOf(row: JournalEntry): JournalItem {
    return journalItem(openTexts(this.cipher, row, JOURNAL_TEXTS));
  }
}
