import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { ALL_STATES, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPerson } from '../people/people.repository';
import { checkMessage } from './appreciation-rules';
import { type Appreciation, findMeetingToThank, insertAppreciation, listAppreciations } from './appreciation.repository';

export type SendThanksResult = WithEffects<{ ok: true; appreciation: Appreciation }> | { ok: false; errors: FieldErrors<'message'> };

/** Notes of appreciation between the two people of a pair, kept in the pair's history. */
export class AppreciationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** Stores the note, tied to the meeting it follows; the other person hears it by DM (event `thanks_sent`). */
  async send(actor: Actor, input: { pairId: string; message: string | null }): Promise<SendThanksResult> {
    const checked = checkMessage(input.message);
    if (!checked.ok) return { ok: false, errors: { message: checked.error } };
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, input.pairId);
      const meeting = (await findMeetingToThank(tx, actor.teamId, pair.id, now)) ?? null;
      const appreciation = await insertAppreciation(tx, {
        team_id: actor.teamId,
        pair_id: pair.id,
        meeting_id: meeting?.id ?? null,
        from_id: actor.userId,
        to_id: otherId,
        message: checked.message,
        created_at: now,
      });
      const reader = await findPerson(tx, actor.teamId, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'thanks_sent',
          pairId: pair.id,
          appreciationId: appreciation.id,
          fromId: actor.userId,
          toId: otherId,
          message: appreciation.message,
          meetingAt: meeting?.scheduled_at ?? null,
          readerZone: reader?.time_zone ?? 'UTC',
        },
      ]);
      return { ok: true as const, appreciation, effects };
    });
  }

  /** The pair's thank-yous, newest first, for either member of the pair (an ended pair's too). */
  async history(actor: Actor, pairId: string, limit = 20): Promise<Appreciation[]> {
    const { pair } = await pairOfMember(this.db, actor, pairId, { states: ALL_STATES });
    return listAppreciations(this.db, actor.teamId, pair.id, limit);
  }
}
