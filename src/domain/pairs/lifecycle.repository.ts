import { sql, type Updateable } from 'kysely';
import type { Pair, PairReflection, PairsTable } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import type { ClosingSummary } from './events';

/** The SQL of a pair's life: state changes, the pass's due pairs, the closing summary's facts, reflections. */

export async function updatePairState(tx: Tx, pairId: string, patch: Updateable<PairsTable>, now: Date): Promise<Pair> {
  return tx
    .updateTable('pairs')
    .set({ ...patch, updated_at: now })
    .where('id', '=', pairId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A declined, withdrawn or expired invitation leaves nothing behind (its first meeting goes with it). */
export async function deletePair(tx: Tx, pairId: string): Promise<void> {
  await tx.deleteFrom('pairs').where('id', '=', pairId).execute();
}

/** Meetings that had not started when the pair ended: they will not happen. */
export async function cancelFutureMeetings(tx: Tx, pairId: string, now: Date): Promise<void> {
  await tx
    .updateTable('meetings')
    .set({ status: 'cancelled' })
    .where('pair_id', '=', pairId)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', now)
    .execute();
}

/** Meetings whose time came while the pair was paused: they did not happen (no notes are asked for). */
export async function cancelMeetingsMissedSince(tx: Tx, pairId: string, since: Date, now: Date): Promise<void> {
  await tx
    .updateTable('meetings')
    .set({ status: 'cancelled' })
    .where('pair_id', '=', pairId)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>=', since)
    .where('scheduled_at', '<=', now)
    .execute();
}

/** Invitations whose week is over, locked (SKIP LOCKED: replicas share the work). */
export async function lockExpiredInvitations(tx: Tx, now: Date, limit: number): Promise<Pair[]> {
  return tx
    .selectFrom('pairs')
    .selectAll()
    .where('status', '=', 'invited')
    .where('invitation_expires_at', '<=', now)
    .orderBy('invitation_expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Paused pairs with a resume date up to `untilDate` (UTC; each is checked in its own zone), locked. */
export async function lockPausesEnding(tx: Tx, untilDate: string, limit: number): Promise<Pair[]> {
  return tx
    .selectFrom('pairs')
    .selectAll()
    .where('status', '=', 'paused')
    .where('resume_on', 'is not', null)
    .where('resume_on', '<=', untilDate)
    .orderBy('resume_on')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Running or paused pairs whose planned end is up to `untilDate`, with the end of their latest meeting row, locked. */
export async function lockPairsNearEnd(tx: Tx, untilDate: string, limit: number): Promise<Array<{ pair: Pair; latestMeetingEnd: Date | null }>> {
  const pairs = await tx
    .selectFrom('pairs')
    .selectAll()
    .where('status', 'in', ['active', 'paused'])
    .where('planned_end_on', '<=', untilDate)
    .orderBy('planned_end_on')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (pairs.length === 0) return [];
  const rows = await tx
    .selectFrom('meetings')
    .select(['pair_id', sql<Date | string | null>`max(scheduled_at + duration_minutes * interval '1 minute')`.as('latest_end')])
    .where(
      'pair_id',
      'in',
      pairs.map((pair) => pair.id),
    )
    .where('status', 'in', ['scheduled', 'held'])
    .groupBy('pair_id')
    .execute();
  const latest = new Map(rows.map((row) => [row.pair_id, row.latest_end]));
  return pairs.map((pair) => {
    const end = latest.get(pair.id);
    return { pair, latestMeetingEnd: end ? new Date(end) : null };
  });
}

/** The live pairs of a person whose account was deactivated, locked. */
export async function lockLivePairsOf(tx: Tx, teamId: string, userId: string): Promise<Pair[]> {
  return tx
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('status', 'in', ['active', 'paused'])
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

const SHOWN = 10;

/** What the closing summary shows, in a handful of bounded queries. */
export async function closingFacts(db: Executor, pairId: string): Promise<Omit<ClosingSummary, 'startedOn' | 'endedOn'>> {
  const [held, achieved, open, actions, actionTotal, explored, exploredTotal, feedback] = await Promise.all([
    db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pair_id', '=', pairId)
      .where('status', '=', 'held')
      .executeTakeFirst(),
    db
      .selectFrom('goals')
      .select(['title', 'reflection'])
      .where('pair_id', '=', pairId)
      .where('status', '=', 'achieved')
      .orderBy('achieved_at')
      .limit(SHOWN)
      .execute(),
    db
      .selectFrom('goals')
      .select('title')
      .where('pair_id', '=', pairId)
      .where('status', 'in', ['draft', 'awaiting_approval', 'changes_requested', 'approved'])
      .orderBy('target_date')
      .limit(SHOWN)
      .execute(),
    db.selectFrom('action_items').select('body').where('pair_id', '=', pairId).where('done_at', 'is', null).orderBy('created_at').limit(5).execute(),
    db
      .selectFrom('action_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pair_id', '=', pairId)
      .where('done_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('learning_resources')
      .select('title')
      .where('pair_id', '=', pairId)
      .where('explored_at', 'is not', null)
      .orderBy('explored_at')
      .limit(5)
      .execute(),
    db
      .selectFrom('learning_resources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pair_id', '=', pairId)
      .where('explored_at', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('feedback_requests')
      .select((eb) => [eb.fn.countAll<number>().as('asked'), eb.fn.count<number>('applied_at').as('applied')])
      .where('pair_id', '=', pairId)
      .executeTakeFirst(),
  ]);
  return {
    meetingsHeld: Number(held?.n ?? 0),
    goalsAchieved: achieved.map((goal) => ({ title: goal.title, reflection: goal.reflection })),
    goalsOpen: open.map((goal) => goal.title),
    openActionItems: { total: Number(actionTotal?.n ?? 0), shown: actions.map((item) => item.body) },
    resourcesExplored: { total: Number(exploredTotal?.n ?? 0), shown: explored.map((resource) => resource.title) },
    feedback: { asked: Number(feedback?.asked ?? 0), applied: Number(feedback?.applied ?? 0) },
  };
}

/** Each person's reflection row, created when the pair ends: check-ins on until they say otherwise. */
export async function insertReflectionRows(tx: Tx, pair: Pick<Pair, 'id' | 'team_id' | 'mentor_id' | 'mentee_id'>): Promise<void> {
  await tx
    .insertInto('pair_reflections')
    .values([pair.mentor_id, pair.mentee_id].map((userId) => ({ team_id: pair.team_id, pair_id: pair.id, user_id: userId })))
    .onConflict((oc) => oc.columns(['pair_id', 'user_id']).doNothing())
    .execute();
}

export async function findReflection(db: Executor, pairId: string, userId: string): Promise<PairReflection | undefined> {
  return db.selectFrom('pair_reflections').selectAll().where('pair_id', '=', pairId).where('user_id', '=', userId).executeTakeFirst();
}

export async function saveReflection(
  tx: Tx,
  key: { pairId: string; userId: string },
  values: Pick<PairReflection, 'learned' | 'next_steps' | 'long_term_goals' | 'stay_in_touch' | 'would_mentor' | 'check_ins'>,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('pair_reflections')
    .set({ ...values, submitted_at: now, updated_at: now })
    .where('pair_id', '=', key.pairId)
    .where('user_id', '=', key.userId)
    .execute();
}

export async function setCheckIns(tx: Tx, key: { pairId: string; userId: string }, wanted: boolean, now: Date): Promise<void> {
  await tx
    .updateTable('pair_reflections')
    .set({ check_ins: wanted, updated_at: now })
    .where('pair_id', '=', key.pairId)
    .where('user_id', '=', key.userId)
    .execute();
}
