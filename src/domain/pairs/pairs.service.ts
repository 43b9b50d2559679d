import type { Kysely } from 'kysely';
import type { Database, NewPair, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { DomainError } from '../../errors';
import type { EffectsRecorder, Recorded, WithEffects } from '../effects/effects';
import type { EnrolPair, LineError } from '../program/enrolment';
import type { PairCreated, PairInvited } from './events';
import { invitationExpiresAt } from './lifecycle-timing';
import { ensureWorkspace, upsertPerson } from '../people/people.repository';
import { localDateIn } from '../time/zoned';
import { type FieldErrors, type PairDraft, type PairField, type PickedUser, firstMeetingInstant, plannedEnd, validatePairDraft } from './pair-rules';
import { findLivePair, findLivePairNames, insertFirstMeeting, insertPair, listPairsOf, listPairsWithNamesOf } from './pairs.repository';
import type { Actor } from '../actor';
import { ALL_STATES, type Membership, pairOfMember } from './access';

type Created = { ok: true; pair: Pair; firstMeetingAt: Date };
type Refused = { ok: false; errors: FieldErrors<PairField> };
export type CreatePairResult = Created | Refused;
export type SetUpPairResult = WithEffects<Created> | Refused;
type People = { mentor: PickedUser; mentee: PickedUser };

const UNIQUE_VIOLATION = '23505';

export class PairsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /**
   * The set-up modal's use case. Only a program coordinator may set up a pair for two other people;
   * anyone else only a pair they belong to. A coordinator's pair starts at once, with its welcomes and
   * goals-channel introduction (`pair_created`); a pair set up by one of its two people is invited
   * until the other accepts (`pair_invited`: the invitation DM). Either way in the same transaction,
   * so a pair set up is always announced, once.
   */
  setUp(actor: Actor, form: Omit<PairDraft, 'teamId' | 'createdBy'>, people: People, asker: { coordinator: boolean }): Promise<SetUpPairResult> {
    const member = actor.userId === form.mentorId || actor.userId === form.menteeId;
    if (!member && !asker.coordinator) return Promise.resolve({ ok: false, errors: { mentor: ONLY_YOUR_OWN } });
    const now = this.clock();
    const state: Pick<NewPair, 'status' | 'coordinator_id' | 'invitation_expires_at'> = member
      ? { status: 'invited', coordinator_id: null, invitation_expires_at: invitationExpiresAt(now) }
      : { status: 'active', coordinator_id: actor.userId, invitation_expires_at: null };
    return this.store({ ...form, teamId: actor.teamId, createdBy: actor.userId }, people, state, async (tx, pair, firstMeetingAt) => ({
      effects: await this.effects.record(tx, actor.teamId, [member ? pairInvited(pair, people, firstMeetingAt) : pairCreated(pair, people, firstMeetingAt)]),
    }));
  }

  /**
   * Bulk enrolment's confirmation (issue 16, point 3): each checked line set up exactly as the
   * single set-up sets up a coordinator's pair (its own transaction, welcomes and introduction
   * through the outbox), so a line refused meanwhile (the pair started elsewhere, a first meeting
   * now past) costs only that line. The caller has checked that the actor coordinates.
   */
  async enrol(actor: Actor, pairs: readonly EnrolPair[]): Promise<WithEffects<{ ok: true; created: EnrolPair[]; refused: LineError[] }>> {
    const created: EnrolPair[] = [];
    const refused: LineError[] = [];
    const effects: Recorded = { teamId: actor.teamId, outboxIds: [], homeUsers: [] };
    for (const pair of pairs) {
      const result = await this.setUp(actor, pair.draft, pair.people, { coordinator: true });
      if (!result.ok) {
        refused.push({ line: pair.line, message: Object.values(result.errors).join(' ') });
        continue;
      }
      created.push(pair);
      effects.outboxIds.push(...result.effects.outboxIds);
      effects.homeUsers.push(...result.effects.homeUsers);
    }
    return { ok: true, created, refused, effects };
  }

  /** Stores a pair without announcing it: seeding (tests, benchmarks, pairs brought in from elsewhere). */
  create(draft: PairDraft, people: People): Promise<CreatePairResult> {
    return this.store(draft, people, { status: 'active' }, async () => ({}));
  }

  /** Validates, then stores both people, the pair and its first meeting; `also` adds to the same transaction. */
  private async store<T extends object>(
    draft: PairDraft,
    people: People,
    state: Pick<NewPair, 'status' | 'coordinator_id' | 'invitation_expires_at'>,
    also: (tx: Tx, pair: Pair, firstMeetingAt: Date) => Promise<T>,
  ): Promise<(Created & T) | Refused> {
    const now = this.clock();
    const errors = validatePairDraft(draft, people, now);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const firstMeetingAt = firstMeetingInstant(draft);
    try {
      return await this.db.transaction().execute(async (tx) => {
        await ensureWorkspace(tx, draft.teamId);
        for (const person of [people.mentor, people.mentee]) await upsertPerson(tx, { teamId: draft.teamId, ...person });
        if (await findLivePair(tx, draft.teamId, draft.mentorId, draft.menteeId))
          throw new DomainError('pair_exists', 'These two are already a pair.', 'mentee');
        const pair = await insertPair(tx, {
          team_id: draft.teamId,
          mentor_id: draft.mentorId,
          mentee_id: draft.menteeId,
          goals_channel_id: draft.goalsChannelId,
          cadence: draft.cadence,
          meeting_time: draft.firstTime,
          time_zone: draft.timeZone,
          first_meeting_on: draft.firstDate,
          meeting_minutes: draft.meetingMinutes,
          started_on: localDateIn(now, draft.timeZone),
          planned_end_on: plannedEnd(draft),
          created_by: draft.createdBy,
          ...state,
        });
        await insertFirstMeeting(tx, { teamId: draft.teamId, pairId: pair.id, scheduledAt: firstMeetingAt, durationMinutes: draft.meetingMinutes });
        return { ok: true as const, pair, firstMeetingAt, ...(await also(tx, pair, firstMeetingAt)) };
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'pair_exists') return { ok: false, errors: { mentee: alreadyPaired(people) } };
      // Two submissions racing past the check: the partial unique index has the last word.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { ok: false, errors: { mentee: alreadyPaired(people) } };
      throw error;
    }
  }

  /**
   * The "already a pair" refusal when these two already form a live pair, else null. A cheap read
   * before the Slack look-ups and the transaction, so a doomed submission costs one query; create()
   * still checks inside its transaction (and the unique index has the last word).
   */
  async alreadyPaired(teamId: string, mentorId: string, menteeId: string): Promise<string | null> {
    const names = await findLivePairNames(this.db, teamId, mentorId, menteeId);
    return names ? alreadyPairedText(names.mentorName, names.menteeName) : null;
  }

  listFor(teamId: string, userId: string): Promise<Pair[]> {
    return listPairsOf(this.db, teamId, userId);
  }

  /** The same, with the display names of everyone in them (where known), read together. */
  listWithNamesFor(teamId: string, userId: string): Promise<{ pairs: Pair[]; names: Record<string, string> }> {
    return listPairsWithNamesOf(this.db, teamId, userId);
  }

  /** A pair the person belongs to, in any state; anyone else is told it is not theirs (no leak of other pairs). */
  membership(actor: Actor, pairId: unknown): Promise<Membership> {
    return pairOfMember(this.db, actor, pairId, { states: ALL_STATES });
  }
}

function pairCreated(pair: Pair, people: People, firstMeetingAt: Date): PairCreated {
  return {
    type: 'pair_created',
    pairId: pair.id,
    createdBy: pair.created_by,
    mentorId: pair.mentor_id,
    menteeId: pair.mentee_id,
    goalsChannelId: pair.goals_channel_id,
    cadence: pair.cadence,
    meetingMinutes: pair.meeting_minutes,
    plannedEndOn: pair.planned_end_on,
    firstMeetingAt,
    zones: { [people.mentor.userId]: people.mentor.timeZone, [people.mentee.userId]: people.mentee.timeZone },
  };
}

/** The invitation DM to the one of the two who did not set the pair up. */
function pairInvited(pair: Pair, people: People, firstMeetingAt: Date): PairInvited {
  const inviteeRole = pair.created_by === pair.mentor_id ? 'mentee' : 'mentor';
  const invitee = people[inviteeRole];
  return {
    type: 'pair_invited',
    pairId: pair.id,
    inviterId: pair.created_by,
    inviteeId: invitee.userId,
    inviteeRole,
    cadence: pair.cadence,
    meetingMinutes: pair.meeting_minutes,
    plannedEndOn: pair.planned_end_on,
    firstMeetingAt,
    expiresAt: pair.invitation_expires_at ?? firstMeetingAt,
    inviteeZone: invitee.timeZone,
  };
}

const ONLY_YOUR_OWN =
  'You can set up a pair you belong to (as mentor or mentee). Only a program coordinator (a workspace admin or owner, or someone a coordinator added) can pair two other people.';

function alreadyPaired(people: People): string {
  return alreadyPairedText(people.mentor.displayName, people.mentee.displayName);
}

function alreadyPairedText(mentorName: string, menteeName: string): string {
  return `${mentorName} already mentors ${menteeName}; open /mentorship status to see that pair.`;
}
