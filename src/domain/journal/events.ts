import type { JournalEntry } from './journal.repository';

/** A journal entry as its author's screens show it (only ever its author's). */
export interface JournalItem {
  id: string;
  /** The author's pair it is about, if any (only ever one of the author's own). */
  pairId: string | null;
  createdAt: Date;
  /** When the author last edited it; null as first written. */
  editedAt: Date | null;
  wentWell: string | null;
  learned: string | null;
  tryNext: string | null;
}

export const journalItem = (row: JournalEntry): JournalItem => ({
  id: row.id,
  pairId: row.pair_id,
  createdAt: row.created_at,
  editedAt: row.edited_at,
  wentWell: row.went_well,
  learned: row.learned,
  tryNext: row.try_next,
});

/**
 * An entry was written. The journal is private: this event carries no text and sends nothing to
 * anyone; it only refreshes its author's Home tab.
 */
export interface JournalWritten {
  type: 'journal_written';
  authorId: string;
  entryId: string;
}
