import type { Insertable } from 'kysely';
import type { PairUpdate, PairUpdatesTable } from '../../db/schema';
import type { Executor } from '../../db/types';

export async function insertUpdate(db: Executor, row: Insertable<PairUpdatesTable>): Promise<PairUpdate> {
  return db.insertInto('pair_updates').values(row).returningAll().executeTakeFirstOrThrow();
}
