import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/types';
import type { JournalEntriesTable } from '../../db/schema';

export type JournalEntry = Selectable<JournalEntriesTable>;

/*
 * Journal entries are private to their author. Every read here takes the author and filters on it
 * (the index is (team_id, author_id, created_at)); there is deliberately no read by id or by pair
 * alone, so no caller can reach someone else's entry by mistake.
 */

export async function insertEntry(db: Executor, row: Insertable<JournalEntriesTable>): Promise<JournalEntry> {
  return db.insertInto('journal_entries').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listEntriesOfAuthor(db: Executor, teamId: string, authorId: string, limit: number): Promise<JournalEntry[]> {
  return db
    .selectFrom('journal_entries')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findEntryOfAuthor(db: Executor, teamId: string, authorId: string, id: string): Promise<JournalEntry | undefined> {
  return db.selectFrom('journal_entries').selectAll().where('team_id', '=', teamId).where('author_id', '=', authorId).where('id', '=', id).executeTakeFirst();
}
