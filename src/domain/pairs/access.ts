import type { Pair, PairStatus } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import { isUuid } from '../ids';
import type { PairChoice } from './pair-choices';
import { findPair, lockPair } from './pairs.repository';

export type Role = 'mentor' | 'mentee';

/** A pair, as seen by one of its two people: their role and the other person. */
export type Membership = PairChoice;

export const NOT_IN_PAIR = 'You are not part of that mentorship pair.';

/** States in which a pair can still change (today: not ended). */
export const LIVE_STATES: readonly PairStatus[] = ['active', 'paused'];
export const ALL_STATES: readonly PairStatus[] = ['active', 'paused', 'ended'];

export interface AccessOptions {
  /** Only this role may act (approving a goal: the mentor). */
  role?: Role;
  /** States the pair may be in; default `LIVE_STATES` (an ended pair is read-only). */
  states?: readonly PairStatus[];
  /** Lock the pair row until the transaction ends: every change to a pair's meetings takes this lock first. */
  lock?: boolean;
  /** How a feature words the refusals (the stranger's answer is the same whether the pair exists or not). */
  refusals?: { notMember?: string; role?: string; state?: (status: PairStatus) => string };
}

/**
 * The one access check: the pair `pairId` names, for one of its two people, in an allowed state and
 * role. A pair id from a button or private_metadata is only a claim, so anyone outside the pair gets
 * the same answer whether it exists or not, and an id that is not a uuid never reaches SQL.
 */
export function pairOfMember(db: Tx, actor: Actor, pairId: unknown, options: AccessOptions & { lock: true }): Promise<Membership>;
export function pairOfMember(db: Executor, actor: Actor, pairId: unknown, options?: AccessOptions & { lock?: false }): Promise<Membership>;
export async function pairOfMember(db: Executor, actor: Actor, pairId: unknown, options: AccessOptions = {}): Promise<Membership> {
  const pair = !isUuid(pairId) ? undefined : options.lock ? await lockPair(db as Tx, actor.teamId, pairId) : await findPair(db, actor.teamId, pairId);
  return checkMembership(pair, actor, options);
}

/** The same rules for a pair already loaded (through a goal or a meeting it owns). */
export function checkMembership(pair: Pair | undefined, actor: Actor, options: AccessOptions = {}): Membership {
  const role = !pair ? null : pair.mentor_id === actor.userId ? 'mentor' : pair.mentee_id === actor.userId ? 'mentee' : null;
  if (!pair || !role) throw new DomainError('not_in_pair', options.refusals?.notMember ?? NOT_IN_PAIR);
  if (options.role && options.role !== role) throw new DomainError('forbidden', options.refusals?.role ?? `Only the pair's ${options.role} can do that.`);
  if (!(options.states ?? LIVE_STATES).includes(pair.status)) {
    throw new DomainError('conflict', options.refusals?.state?.(pair.status) ?? stateRefusal(pair.status));
  }
  return { pair, role, otherId: role === 'mentor' ? pair.mentee_id : pair.mentor_id };
}

const stateRefusal = (status: PairStatus): string =>
  status === 'ended' ? 'That mentorship has ended.' : status === 'invited' ? 'That mentorship has not been accepted yet.' : `That mentorship is ${status}.`;
