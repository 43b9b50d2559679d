import type { Kysely } from 'kysely';
import type { Database, Meeting, Pair } from '../../db/schema';
import type { FieldErrors } from '../pairs/pair-rules';
import { pairOfMember } from '../pairs/membership';
import { checkMessage } from './appreciation-rules';
import { type Appreciation, findMeetingToThank, insertAppreciation, listAppreciations } from './appreciation.repository';
import { otherMember } from '../pairs/membership';

export type SendThanksResult =
  | { ok: true; appreciation: Appreciation; pair: Pair; meeting: Meeting | null }
  | { ok: false; errors: FieldErrors<'message'> };

/** Notes of appreciation between the two people of a pair, kept in the pair's history. */
export class AppreciationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async send(input: { teamId: string; pairId: string; fromId: string; message: string | null }): Promise<SendThanksResult> {
    const checked = checkMessage(input.message);
    if (!checked.ok) return { ok: false, errors: { message: checked.error } };
    const pair = await pairOfMember(this.db, input.teamId, input.pairId, input.fromId);
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const meeting = (await findMeetingToThank(tx, input.teamId, pair.id, now)) ?? null;
      const appreciation = await insertAppreciation(tx, {
        team_id: input.teamId,
        pair_id: pair.id,
        meeting_id: meeting?.id ?? null,
        from_id: input.fromId,
        to_id: otherMember(pair, input.fromId),
        message: checked.message,
        created_at: now,
      });
      return { ok: true as const, appreciation, pair, meeting };
    });
  }

  /** The pair's thank-yous, newest first, for either member of the pair. */
  async history(teamId: string, pairId: string, userId: string, limit = 20): Promise<Appreciation[]> {
    const pair = await pairOfMember(this.db, teamId, pairId, userId, { allowEnded: true });
    return listAppreciations(this.db, teamId, pair.id, limit);
  }

}
