import type { Pair } from '../../db/schema';
import type { Executor } from '../../db/types';
import { DomainError } from '../../errors';
import { findPair } from './pairs.repository';

type Members = Pick<Pair, 'mentor_id' | 'mentee_id'>;

export const isMember = (pair: Members, userId: string): boolean => pair.mentor_id === userId || pair.mentee_id === userId;

export const otherMember = (pair: Members, userId: string): string => (pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id);

/**
 * A pair the person belongs to. A pair id from a button or private_metadata is only a claim: anyone
 * outside the pair is told it is not theirs, whether or not it exists. An ended pair takes no new
 * entries unless the caller only reads.
 */
export async function pairOfMember(db: Executor, teamId: string, pairId: string, userId: string, options: { allowEnded?: boolean } = {}): Promise<Pair> {
  const pair = await findPair(db, teamId, pairId);
  if (!pair || !isMember(pair, userId)) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
  if (pair.status === 'ended' && !options.allowEnded) throw new DomainError('conflict', 'That mentorship has ended.');
  return pair;
}
