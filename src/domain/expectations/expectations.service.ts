import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { ALL_STATES, type AccessOptions, type Membership, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { zonesOf } from '../people/people.repository';
import { type ExpectationField, type ExpectationsForm, type ExpectationsView, expectationsView, validateExpectations } from './expectation-rules';
import { findExpectations, markAgreed, saveProposal } from './expectations.repository';

/**
 * Who may do what: only the pair's two people read or write its expectations. An invited pair has none
 * yet (they are agreed once it has started: the welcome offers them); an ended pair's stay readable and
 * can no longer change.
 */
const NOT_STARTED = 'Expectations are agreed once the mentorship has started: accept the invitation first.';
const READ: Omit<AccessOptions, 'lock'> = { states: ALL_STATES, refusals: { state: () => NOT_STARTED } };
const CHANGE: Omit<AccessOptions, 'lock'> = {
  refusals: {
    state: (status) => (status === 'ended' ? 'That mentorship has ended: its expectations can be read, no longer changed.' : NOT_STARTED),
  },
};

export interface ExpectationsScreen {
  membership: Membership;
  expectations: ExpectationsView;
  /** False once the pair has ended: the form is shown read-only. */
  canChange: boolean;
  /** The reader's own zone (the dates shown). */
  zone: string;
}

export type ProposeResult = WithEffects<{ ok: true; otherId: string; amended: boolean }> | { ok: false; errors: FieldErrors<ExpectationField> };

/**
 * Expectations agreed at the start: how and how often to talk between meetings, the preferred
 * feedback style, boundaries and confidentiality, and what each hopes to get. Either person proposes
 * them; the other confirms or amends (an amendment is a new proposal, by them, for the first to
 * confirm); both are told through the outbox.
 */
export class ExpectationsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** What the form (or the read-only view) opens with. */
  async screen(actor: Actor, pairId: unknown): Promise<ExpectationsScreen> {
    const membership = await pairOfMember(this.db, actor, pairId, READ);
    const [row, zones] = await Promise.all([findExpectations(this.db, membership.pair.id), zonesOf(this.db, actor.teamId, [actor.userId])]);
    return {
      membership,
      expectations: expectationsView(membership.pair, row),
      canChange: membership.pair.status !== 'ended',
      zone: zones[actor.userId] ?? 'UTC',
    };
  }

  /** A proposal, or an amendment of the current one: a new version the other person is asked to confirm. */
  async propose(actor: Actor, pairId: unknown, form: ExpectationsForm): Promise<ProposeResult> {
    const errors = validateExpectations(form);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return this.db.transaction().execute(async (tx) => {
      const { pair, role, otherId } = await pairOfMember(tx, actor, pairId, { ...CHANGE, lock: true });
      const amended = (await findExpectations(tx, pair.id)) !== undefined;
      const hope = { column: role === 'mentor' ? ('mentor_hope' as const) : ('mentee_hope' as const), text: form.myHope };
      const row = await saveProposal(tx, { teamId: actor.teamId, pairId: pair.id, proposedBy: actor.userId }, form, hope, this.clock());
      const zones = await zonesOf(tx, actor.teamId, [otherId]);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'expectations_proposed',
          pairId: pair.id,
          actorId: actor.userId,
          readerId: otherId,
          readerZone: zones[otherId] ?? 'UTC',
          amended,
          expectations: expectationsView(pair, row),
        },
      ]);
      return { ok: true as const, otherId, amended, effects };
    });
  }

  /**
   * The other person confirms the version they were shown. A press on an older version (it was amended
   * since), on one already agreed, or by the person who proposed it changes nothing.
   */
  async confirm(actor: Actor, pairId: unknown, version: number): Promise<WithEffects<{ proposedBy: string }>> {
    return this.db.transaction().execute(async (tx) => {
      const { pair } = await pairOfMember(tx, actor, pairId, { ...CHANGE, lock: true });
      const row = await findExpectations(tx, pair.id);
      if (!row) throw new DomainError('not_found', 'There are no expectations to confirm yet.');
      if (row.version !== version) throw new DomainError('conflict', 'They were changed since: here they are as they stand now.');
      if (row.agreed_at) throw new DomainError('conflict', 'You both agreed to these expectations already.');
      if (row.proposed_by === actor.userId) throw new DomainError('conflict', 'You proposed these: the other person confirms them.');
      await markAgreed(tx, pair.id, this.clock());
      const zones = await zonesOf(tx, actor.teamId, [row.proposed_by]);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'expectations_agreed', pairId: pair.id, actorId: actor.userId, readerId: row.proposed_by, readerZone: zones[row.proposed_by] ?? 'UTC' },
      ]);
      return { proposedBy: row.proposed_by, effects };
    });
  }
}
