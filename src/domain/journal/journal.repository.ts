import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/types';
import type { JournalEntriesTable } from '../../db/schema';

export type JournalEntry = Selectable<JournalEntriesTable>;

/*
 * Journal entries are private to their author. Every read here takes the author and filters on it
 * (the index is (team_id, author_id, created_at)); there is deliberately no read, change or delete by
 * id or by pair alone, so no caller can reach someone else's entry by mistake.
 */

export async function insertEntry(db: Executor, row: Insertable<JournalEntriesTable>): Promise<JournalEntry> {
  return db.insertInto('journal_entries').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Newest first; `offset` entries skipped (a page of the author's whole journal). */
export async function listEntriesOfAuthor(db: Executor, teamId: string, authorId: string, limit: number, offset = 0): Promise<JournalEntry[]> {
  return db
    .selectFrom('journal_entries')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countEntriesOfAuthor(db: Executor, teamId: string, authorId: string): Promise<number> {
  const row = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('team_id', '=', teamId)
    .where('author_id', '=', authorId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Changes the author's own entry; undefined when it is not theirs or no longer exists. */
export async function updateEntryOfAuthor(
  db: Executor,
  teamId: string,
  authorId: string,
  id: string,
  patch: Pick<Updateable<JournalEntriesTable>, 'went_well' | 'learned' | 'try_next' | 'edited_at'>,
): Promise<JournalEntry | undefined> {
  return db
    .updateTable('journal_entries')
    .set(patch)
    .where('team_id', '=', teamId)
    .where('author_id', '=', authorId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the author's own entry; false when it is not theirs or no longer exists. */
export async function deleteEntryOfAuthor(db: Executor, teamId: string, authorId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('journal_entries').where('team_id', '=', teamId).where('author_id', '=', authorId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findEntryOfAuthor(db: Executor, teamId: string, authorId: string, id: string): Promise<JournalEntry | undefined> {
  return db.selectFrom('journal_entries').selectAll().where('team_id', '=', teamId).where('author_id', '=', authorId).where('id', '=', id).executeTakeFirst();
}
