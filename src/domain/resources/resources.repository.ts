import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/types';
import type { LearningResourcesTable, Meeting } from '../../db/schema';

export type LearningResource = Selectable<LearningResourcesTable>;

export async function insertResource(db: Executor, row: Insertable<LearningResourcesTable>): Promise<LearningResource> {
  return db.insertInto('learning_resources').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findResource(db: Executor, teamId: string, id: string): Promise<LearningResource | undefined> {
  return db.selectFrom('learning_resources').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** Guarded on "not yet explored", so two takeaways submitted at once keep the first. */
export async function saveExplored(
  db: Executor,
  input: { teamId: string; id: string; userId: string; takeaway: string; at: Date },
): Promise<LearningResource | undefined> {
  return db
    .updateTable('learning_resources')
    .set({ explored_at: input.at, explored_by: input.userId, takeaway: input.takeaway })
    .where('team_id', '=', input.teamId)
    .where('id', '=', input.id)
    .where('explored_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** A pair's resources: still to explore first, then the newest. */
export async function listResources(db: Executor, teamId: string, pairId: string, limit: number): Promise<LearningResource[]> {
  return db
    .selectFrom('learning_resources')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId)
    .orderBy('explored_at', (ob) => ob.desc().nullsFirst())
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countResources(db: Executor, teamId: string, pairId: string, exploredSince?: Date): Promise<number> {
  let query = db
    .selectFrom('learning_resources')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId);
  if (exploredSince) query = query.where('explored_at', '>=', exploredSince);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The pair's latest meeting that was held: "since the last meeting" counts from its end. */
export async function findLastHeldMeeting(db: Executor, teamId: string, pairId: string): Promise<Meeting | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId)
    .where('status', '=', 'held')
    .orderBy('scheduled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
