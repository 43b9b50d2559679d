import {
  ASKERS,
  askerOf,
  LIFECYCLE_ACTIONS,
  type Asker,
  type LifecycleAction,
  PAIR_STATES,
  type PairState,
  transition,
} from '../../../../src/domain/pairs/lifecycle-rules';

/**
 * The allowed transitions, written out by hand (not derived from the rules): every other combination
 * of state, action and asker must be refused, a stranger always as forbidden.
 */
const ALLOWED: Array<[PairState, LifecycleAction, Asker, PairState | 'removed']> = [
  ['invited', 'accept', 'invitee', 'active'],
  ['invited', 'decline', 'invitee', 'removed'],
  ['invited', 'withdraw', 'inviter', 'removed'],
  ['invited', 'expire', 'system', 'removed'],
  ['active', 'pause', 'member', 'paused'],
  ['active', 'pause', 'inviter', 'paused'],
  ['active', 'pause', 'invitee', 'paused'],
  ['active', 'end', 'member', 'ended'],
  ['active', 'change', 'member', 'active'],
  ['active', 'auto_end', 'system', 'ended'],
  ['active', 'deactivate', 'system', 'paused'],
  ['paused', 'resume', 'member', 'active'],
  ['paused', 'end', 'member', 'ended'],
  ['paused', 'change', 'member', 'paused'],
  ['paused', 'auto_end', 'system', 'ended'],
  ['paused', 'resume_due', 'system', 'active'],
];
// 'inviter' and 'invitee' only exist for an invited pair, but the rules take any member for member actions.
for (const [state, action] of [
  ['active', 'end'],
  ['active', 'change'],
  ['paused', 'resume'],
  ['paused', 'end'],
  ['paused', 'change'],
] as const) {
  for (const asker of ['inviter', 'invitee'] as const)
    ALLOWED.push([state, action, asker, action === 'change' ? state : action === 'resume' ? 'active' : 'ended']);
}

const key = (state: string, action: string, asker: string) => `${state}/${action}/${asker}`;
const allowed = new Map(ALLOWED.map(([state, action, asker, to]) => [key(state, action, asker), to]));
const every = PAIR_STATES.flatMap((state) => LIFECYCLE_ACTIONS.flatMap((action) => ASKERS.map((asker) => [state, action, asker] as const)));

describe('pair lifecycle transitions', () => {
  it.each(ALLOWED)('from %s, %s by the %s leads to %s', (state, action, asker, to) => {
    expect(transition(state, action, asker)).toEqual({ ok: true, to });
  });

  const refused = every.filter(([state, action, asker]) => !allowed.has(key(state, action, asker)));
  it.each(refused)('from %s, %s by the %s is refused', (state, action, asker) => {
    const result = transition(state, action, asker);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });

  it('refuses a stranger everything, in every state, as forbidden (never as stale: nothing of the pair is told)', () => {
    for (const state of PAIR_STATES)
      for (const action of LIFECYCLE_ACTIONS) expect(transition(state, action, 'stranger')).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('treats a member pressing a button of a state that has passed as stale: accept after expiry-like states, end twice, resume when ended', () => {
    expect(transition('active', 'accept', 'member')).toMatchObject({ ok: false, kind: 'stale' });
    expect(transition('ended', 'end', 'member')).toMatchObject({ ok: false, kind: 'stale' });
    expect(transition('ended', 'resume', 'member')).toMatchObject({ ok: false, kind: 'stale' });
    expect(transition('ended', 'change', 'member')).toMatchObject({ ok: false, kind: 'stale', reason: expect.stringMatching(/has ended/) });
    expect(transition('paused', 'pause', 'member')).toMatchObject({ ok: false, kind: 'stale' });
    expect(transition('invited', 'pause', 'inviter')).toMatchObject({ ok: false, kind: 'stale', reason: expect.stringMatching(/not been accepted/) });
  });

  it('lets only the invitee answer an invitation and only the inviter withdraw it', () => {
    expect(transition('invited', 'accept', 'inviter')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(transition('invited', 'decline', 'inviter')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(transition('invited', 'withdraw', 'invitee')).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('keeps what the scheduler does away from people, and what people do away from the scheduler', () => {
    expect(transition('active', 'auto_end', 'member')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(transition('invited', 'expire', 'invitee')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(transition('active', 'pause', 'system')).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('never leaves the ended state', () => {
    for (const action of LIFECYCLE_ACTIONS) for (const asker of ASKERS) expect(transition('ended', action, asker).ok).toBe(false);
  });
});

describe('askerOf', () => {
  const pair = (status: PairState) => ({ status, mentor_id: 'UMARIA', mentee_id: 'UTHEO', created_by: 'UMARIA' });
  it('names the inviter and the invitee of an invited pair, members of any other, and everyone else a stranger', () => {
    expect(askerOf(pair('invited'), 'UMARIA')).toBe('inviter');
    expect(askerOf(pair('invited'), 'UTHEO')).toBe('invitee');
    expect(askerOf(pair('active'), 'UTHEO')).toBe('member');
    expect(askerOf(pair('ended'), 'UMARIA')).toBe('member');
    expect(askerOf(pair('active'), 'USAM')).toBe('stranger');
  });
});
