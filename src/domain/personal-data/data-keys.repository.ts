import { sql } from 'kysely';
import type { Executor } from '../../db/types';

/**
 * The ids of the keys the stored sealed texts were sealed with (journal entries and closing
 * reflections). A full scan of both tables, once at start: an entry's texts are sealed together, so
 * the first text present tells its key.
 */
export async function sealedKeyIds(db: Executor): Promise<string[]> {
  const keyOf = (column: ReturnType<typeof sql>) => sql<string | null>`substring(${column} from '^enc:v1:([0-9a-f]{8}):')`;
  const { rows } = await sql<{ key_id: string }>`
    select distinct key_id from (
      select ${keyOf(sql`coalesce(went_well, learned, try_next)`)} as key_id from journal_entries
      union all
      select ${keyOf(sql`coalesce(learned, next_steps, long_term_goals, stay_in_touch)`)} from pair_reflections
    ) sealed
    where key_id is not null
    order by key_id`.execute(db);
  return rows.map((row) => row.key_id);
}
