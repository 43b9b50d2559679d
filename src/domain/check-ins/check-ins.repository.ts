import type { CheckInAnswer, ProgressCheckIn } from '../../db/schema';
import type { Executor } from '../../db/types';

export interface CheckInKey {
  pairId: string;
  userId: string;
  checkpoint: number;
}

export function findCheckIn(db: Executor, key: CheckInKey): Promise<ProgressCheckIn | undefined> {
  return db
    .selectFrom('progress_check_ins')
    .selectAll()
    .where('pair_id', '=', key.pairId)
    .where('user_id', '=', key.userId)
    .where('checkpoint', '=', key.checkpoint)
    .executeTakeFirst();
}

/** One answer per pair, person and checkpoint: answering again replaces it. */
export async function saveCheckIn(
  db: Executor,
  teamId: string,
  key: CheckInKey,
  answer: { answer: CheckInAnswer; note: string | null; shared: boolean },
  now: Date,
): Promise<void> {
  await db
    .insertInto('progress_check_ins')
    .values({ team_id: teamId, pair_id: key.pairId, user_id: key.userId, checkpoint: key.checkpoint, ...answer, answered_at: now })
    .onConflict((oc) => oc.columns(['pair_id', 'user_id', 'checkpoint']).doUpdateSet({ ...answer, answered_at: now }))
    .execute();
}
