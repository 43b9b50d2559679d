import type { PairExpectations } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import type { Terms } from './expectation-rules';

/** A pair's expectations, if anyone has written them yet. */
export async function findExpectations(db: Executor, pairId: string): Promise<PairExpectations | undefined> {
  return db.selectFrom('pair_expectations').selectAll().where('pair_id', '=', pairId).executeTakeFirst();
}

/** The expectations of several pairs (the dashboard's pairs). */
export async function expectationsOf(db: Executor, pairIds: readonly string[]): Promise<PairExpectations[]> {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_expectations')
    .selectAll()
    .where('pair_id', 'in', [...pairIds])
    .execute();
}

/**
 * Writes a proposal (the first one, or an amendment) by `proposedBy`: a new version that waits for the
 * other person's confirmation. `hope` is the proposer's own hope column; the other person's is left as it is.
 */
export async function saveProposal(
  tx: Tx,
  key: { teamId: string; pairId: string; proposedBy: string },
  terms: Terms,
  hope: { column: 'mentor_hope' | 'mentee_hope'; text: string | null },
  now: Date,
): Promise<PairExpectations> {
  const values = {
    between_meetings: terms.betweenMeetings,
    feedback_style: terms.feedbackStyle,
    boundaries: terms.boundaries,
    [hope.column]: hope.text,
    proposed_by: key.proposedBy,
    agreed_at: null,
    updated_at: now,
  };
  return tx
    .insertInto('pair_expectations')
    .values({ team_id: key.teamId, pair_id: key.pairId, ...values, created_at: now })
    .onConflict((oc) => oc.column('pair_id').doUpdateSet((eb) => ({ ...values, version: eb('pair_expectations.version', '+', 1) })))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The other person confirms the current version. */
export async function markAgreed(tx: Tx, pairId: string, now: Date): Promise<void> {
  await tx.updateTable('pair_expectations').set({ agreed_at: now, updated_at: now }).where('pair_id', '=', pairId).execute();
}
