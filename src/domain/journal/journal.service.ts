import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPair } from '../pairs/pairs.repository';
import { checkJournalDraft, type JournalDraft, type JournalField, RECENT_ENTRIES } from './journal-rules';
import { findEntryOfAuthor, insertEntry, type JournalEntry, listEntriesOfAuthor } from './journal.repository';

export type WriteEntryResult = { ok: true; entry: JournalEntry } | { ok: false; errors: FieldErrors<JournalField> };

/**
 * The private journal. Only the author ever reads an entry: not the other person of the pair, not
 * the mentor. The author must already be a known person (the Slack layer makes sure of it).
 */
export class JournalService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async write(input: { teamId: string; authorId: string; pairId: string | null } & JournalDraft): Promise<WriteEntryResult> {
    const checked = checkJournalDraft(input);
    if (!checked.ok) return checked;
    await this.checkPair(input.teamId, input.authorId, input.pairId);
    const entry = await this.db.transaction().execute((tx) =>
      insertEntry(tx, {
        team_id: input.teamId,
        author_id: input.authorId,
        pair_id: input.pairId,
        went_well: checked.entry.wentWell,
        learned: checked.entry.learned,
        try_next: checked.entry.tryNext,
        created_at: this.clock(),
      }),
    );
    return { ok: true, entry };
  }

  /**
   * An entry may only be tied to one of the author's own pairs. Checked again by write(); callers use it
   * first so that a refused claim stores nothing at all (not even the person, as a stranger).
   */
  async checkPair(teamId: string, authorId: string, pairId: string | null): Promise<void> {
    if (!pairId) return;
    const pair = await findPair(this.db, teamId, pairId);
    if (!pair || (pair.mentor_id !== authorId && pair.mentee_id !== authorId)) {
      throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    }
  }

  /** The person's own most recent entries, newest first. */
  recent(teamId: string, userId: string, limit = RECENT_ENTRIES): Promise<JournalEntry[]> {
    return listEntriesOfAuthor(this.db, teamId, userId, limit);
  }

  /** One entry, for its author only; for anyone else it does not exist. */
  async read(teamId: string, entryId: string, userId: string): Promise<JournalEntry> {
    const entry = await findEntryOfAuthor(this.db, teamId, userId, entryId);
    if (!entry) throw new DomainError('not_found', "I can't find that entry in your journal.");
    return entry;
  }
}
