import type { Selectable } from 'kysely';
import type { SwotAssessmentsTable } from '../../db/schema';
import type { Executor } from '../../db/types';
import type { SwotFields } from './swot-fields';

export type Swot = Selectable<SwotAssessmentsTable>;

export async function findSwot(db: Executor, teamId: string, pairId: string): Promise<Swot | undefined> {
  return db.selectFrom('swot_assessments').selectAll().where('team_id', '=', teamId).where('pair_id', '=', pairId).executeTakeFirst();
}

/** One assessment per pair (unique pair_id), updated in place. */
export async function upsertSwot(db: Executor, teamId: string, pairId: string, fields: SwotFields, updatedBy: string, now: Date): Promise<Swot> {
  return db
    .insertInto('swot_assessments')
    .values({ team_id: teamId, pair_id: pairId, ...fields, updated_by: updatedBy, updated_at: now })
    .onConflict((oc) => oc.column('pair_id').doUpdateSet({ ...fields, updated_by: updatedBy, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
