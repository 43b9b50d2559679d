import type { PairStatus } from '../../db/schema';

/**
 * A pair's life as a state machine, pure: invited → active ⇄ paused → ended, and the removal of an
 * invitation that is declined, withdrawn or left to expire. Every use case that changes a pair's
 * state asks `transition` first, with who is asking; the answer is either the new state or why not.
 *
 *   invited --accept (invitee)-----------------> active
 *   invited --decline (invitee) / withdraw (inviter) / expire (the pass) --> removed
 *   active  --pause (member) / deactivate (Slack)--> paused
 *   paused  --resume (member) / resume_due (the pass)--> active
 *   active, paused --end (member) / auto_end (the pass)--> ended
 *   active, paused --change (member)-------------> unchanged state
 *
 * Nothing leaves `ended`: its history stays readable and nothing changes it.
 */
export type PairState = PairStatus;

export type LifecycleAction = 'accept' | 'decline' | 'withdraw' | 'expire' | 'pause' | 'resume' | 'end' | 'change' | 'auto_end' | 'resume_due' | 'deactivate';

/**
 * Who asks. In an invited pair the person who set it up is the inviter and the other the invitee;
 * once it runs both are members. `system` is the scheduler's pass or a Slack event, never a person.
 */
export type Asker = 'inviter' | 'invitee' | 'member' | 'stranger' | 'system';

export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = [
  'accept',
  'decline',
  'withdraw',
  'expire',
  'pause',
  'resume',
  'end',
  'change',
  'auto_end',
  'resume_due',
  'deactivate',
];
export const PAIR_STATES: readonly PairState[] = ['invited', 'active', 'paused', 'ended'];
export const ASKERS: readonly Asker[] = ['inviter', 'invitee', 'member', 'stranger', 'system'];

export type Transition =
  | { ok: true; to: PairState | 'removed' }
  /**
   * `stale`: the person may act on this pair, but not in its present state (a button pressed after
   * the state moved on): the message it was in is refreshed and nothing changes. `forbidden`: the
   * asker may never do this (a stranger, the wrong side of an invitation).
   */
  | { ok: false; kind: 'stale' | 'forbidden'; reason: string };

type Rule = { from: readonly PairState[]; by: readonly Asker[]; to: PairState | 'removed' | 'same' };

const MEMBERS: readonly Asker[] = ['inviter', 'invitee', 'member'];

const RULES: Record<LifecycleAction, Rule> = {
  accept: { from: ['invited'], by: ['invitee'], to: 'active' },
  decline: { from: ['invited'], by: ['invitee'], to: 'removed' },
  withdraw: { from: ['invited'], by: ['inviter'], to: 'removed' },
  expire: { from: ['invited'], by: ['system'], to: 'removed' },
  pause: { from: ['active'], by: MEMBERS, to: 'paused' },
  resume: { from: ['paused'], by: MEMBERS, to: 'active' },
  end: { from: ['active', 'paused'], by: MEMBERS, to: 'ended' },
  change: { from: ['active', 'paused'], by: MEMBERS, to: 'same' },
  auto_end: { from: ['active', 'paused'], by: ['system'], to: 'ended' },
  resume_due: { from: ['paused'], by: ['system'], to: 'active' },
  deactivate: { from: ['active'], by: ['system'], to: 'paused' },
};

const STALE: Record<PairState, string> = {
  invited: 'This mentorship has not been accepted yet.',
  active: 'This mentorship is already running.',
  paused: 'This mentorship is paused.',
  ended: 'This mentorship has ended; its history stays readable, but nothing in it changes any more.',
};

export function transition(state: PairState, action: LifecycleAction, asker: Asker): Transition {
  const rule = RULES[action];
  if (asker === 'stranger') return { ok: false, kind: 'forbidden', reason: 'You are not part of that mentorship pair.' };
  if (!rule.by.includes(asker)) {
    // A member who is not the one the rule names: the wrong side of an invitation, or a person doing the pass's work.
    if (rule.from.includes(state) || asker === 'system') return { ok: false, kind: 'forbidden', reason: forbiddenReason(action, asker) };
    return { ok: false, kind: 'stale', reason: STALE[state] };
  }
  if (!rule.from.includes(state)) return { ok: false, kind: 'stale', reason: STALE[state] };
  return { ok: true, to: rule.to === 'same' ? state : rule.to };
}

function forbiddenReason(action: LifecycleAction, asker: Asker): string {
  if (action === 'accept' || action === 'decline') return 'Only the person invited can answer this invitation.';
  if (action === 'withdraw') return 'Only the person who sent this invitation can withdraw it.';
  if (asker === 'system') return 'People do not do that; the scheduler does.';
  return 'Only the scheduler does that.';
}

/** Who `userId` is to a pair in `state` that `createdBy` set up (a coordinator's pair has no inviter). */
export function askerOf(pair: { status: PairState; mentor_id: string; mentee_id: string; created_by: string }, userId: string): Asker {
  if (userId !== pair.mentor_id && userId !== pair.mentee_id) return 'stranger';
  if (pair.status !== 'invited') return 'member';
  return userId === pair.created_by ? 'inviter' : 'invitee';
}

/** How long an invitation waits for its answer. */
export const INVITATION_DAYS = 7;
