import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import { ensureWorkspace, upsertPerson } from '../people/people.repository';
import { localDateIn } from '../time/zoned';
import { type FieldErrors, type PairDraft, type PairField, type PickedUser, firstMeetingInstant, plannedEnd, validatePairDraft } from './pair-rules';
import { findLivePair, findLivePairNames, insertFirstMeeting, insertPair, listPairsOf } from './pairs.repository';
import type { Actor } from '../actor';
import { ALL_STATES, type Membership, pairOfMember } from './access';

export type CreatePairResult =
  | { ok: true; pair: Pair; firstMeetingAt: Date }
  | { ok: false; errors: FieldErrors<PairField> };

const UNIQUE_VIOLATION = '23505';

export class PairsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async create(draft: PairDraft, people: { mentor: PickedUser; mentee: PickedUser }): Promise<CreatePairResult> {
    const now = this.clock();
    const errors = validatePairDraft(draft, people, now);
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const firstMeetingAt = firstMeetingInstant(draft);
    try {
      const pair = await this.db.transaction().execute(async (tx) => {
        await ensureWorkspace(tx, draft.teamId);
        for (const person of [people.mentor, people.mentee]) {
          await upsertPerson(tx, { teamId: draft.teamId, ...person });
        }
        if (await findLivePair(tx, draft.teamId, draft.mentorId, draft.menteeId)) {
          throw new DomainError('pair_exists', 'These two are already a pair.', 'mentee');
        }
        const created = await insertPair(tx, {
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
        });
        await insertFirstMeeting(tx, {
          teamId: draft.teamId,
          pairId: created.id,
          scheduledAt: firstMeetingAt,
          durationMinutes: draft.meetingMinutes,
        });
        return created;
      });
      return { ok: true, pair, firstMeetingAt };
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

  /** A pair the person belongs to, in any state; anyone else is told it is not theirs (no leak of other pairs). */
  membership(actor: Actor, pairId: unknown): Promise<Membership> {
    return pairOfMember(this.db, actor, pairId, { states: ALL_STATES });
  }
}

function alreadyPaired(people: { mentor: PickedUser; mentee: PickedUser }): string {
  return alreadyPairedText(people.mentor.displayName, people.mentee.displayName);
}

function alreadyPairedText(mentorName: string, menteeName: string): string {
  return `${mentorName} already mentors ${menteeName}; open /mentorship status to see that pair.`;
}
