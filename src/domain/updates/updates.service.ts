import type { Kysely } from 'kysely';
import type { Database, PairUpdate } from '../../db/schema';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { upcomingMeeting } from '../meetings/meetings.repository';
import { pairOfMember } from '../pairs/access';
import { findPerson } from '../people/people.repository';
import { checkUpdate, type UpdatePart } from './update-rules';
import { insertUpdate } from './updates.repository';

export type SendUpdateResult = WithEffects<{ ok: true; update: PairUpdate }> | { ok: false; errors: Partial<Record<UpdatePart, string>> };

/**
 * Updates between meetings: the guides ask pairs to keep talking between sessions with brief updates
 * and shared milestones. Each is kept in the pair's history; the other person reads it by DM.
 */
export class UpdatesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** Stores the update; the other person hears it by DM (event `update_sent`), after their quiet hours. */
  async send(actor: Actor, input: { pairId: string } & Partial<Record<UpdatePart, string | null>>): Promise<SendUpdateResult> {
    const checked = checkUpdate(input);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const { update } = checked;
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, input.pairId);
      const saved = await insertUpdate(tx, {
        team_id: actor.teamId,
        pair_id: pair.id,
        author_id: actor.userId,
        to_id: otherId,
        done_since: update.doneSince,
        win: update.win,
        blocker: update.blocker,
        created_at: now,
      });
      const next = pair.status === 'active' ? await upcomingMeeting(tx, pair.id, now) : undefined;
      const reader = await findPerson(tx, actor.teamId, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'update_sent',
          pairId: pair.id,
          updateId: saved.id,
          fromId: actor.userId,
          toId: otherId,
          update,
          nextMeetingAt: next?.scheduled_at ?? null,
          readerZone: reader?.time_zone ?? pair.time_zone,
        },
      ]);
      return { ok: true as const, update: saved, effects };
    });
  }
}
