import type { Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { Recorded, WithEffects } from '../effects/effects';
import { isUuid } from '../ids';
import { NOT_IN_PAIR } from './access';
import { askerOf, type Asker, type LifecycleAction, type PairState, transition } from './lifecycle-rules';
import { lockPair } from './pairs.repository';

/**
 * What a press on a lifecycle button leads to: the change (with what it left to send), or nothing
 * changed because the pair's state moved on since the button was drawn (`stale`): the surface it was
 * pressed on is redrawn, and the presser told why.
 */
export type LifeOutcome<T extends object = object> = WithEffects<{ changed: true; pair: Pair } & T> | Stale;
export interface Stale {
  changed: false;
  reason: string;
  /** The pair as it is now; null for an invitation that is gone (declined, withdrawn, expired). */
  pair: Pair | null;
  /** Nothing was committed: nothing to send, no Home to refresh (the surface pressed on is redrawn by the reply). */
  effects: Recorded;
}

export const INVITATION_GONE = 'This invitation is no longer open: it was answered, withdrawn, or it expired.';

export const staleFor = (actor: Actor, reason: string, pair: Pair | null): Stale => ({
  changed: false,
  reason,
  pair,
  effects: { teamId: actor.teamId, outboxIds: [], homeUsers: [] },
});

type Allowed = { ok: true; pair: Pair; asker: Asker; to: PairState | 'removed' };

/**
 * Locks the pair and asks the state machine whether `actor` may do `action` now. A stranger is
 * refused with the access check's answer (the same whether the pair exists or not); a member on the
 * wrong side is refused with the rule's reason; a press the state has outrun is `stale`.
 * `invitation`: the invitation buttons, where a pair that is gone is an answered invitation (stale,
 * and a stranger gets that same answer, so it tells nothing about whether the pair exists).
 */
export async function lockForTransition(
  tx: Tx,
  actor: Actor,
  pairId: unknown,
  action: LifecycleAction,
  options: { invitation?: boolean } = {},
): Promise<Allowed | Stale> {
  const pair = isUuid(pairId) ? await lockPair(tx, actor.teamId, pairId) : undefined;
  const asker = pair ? askerOf(pair, actor.userId) : 'stranger';
  if (!pair || asker === 'stranger') {
    if (options.invitation) return staleFor(actor, INVITATION_GONE, null);
    throw new DomainError('not_in_pair', NOT_IN_PAIR);
  }
  const result = transition(pair.status, action, asker);
  if (result.ok) return { ok: true, pair, asker, to: result.to };
  if (result.kind === 'forbidden') throw new DomainError('forbidden', result.reason);
  return staleFor(actor, result.reason, pair);
}

export const isStale = (value: Allowed | Stale): value is Stale => 'changed' in value;
