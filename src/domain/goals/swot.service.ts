import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { ALL_STATES, pairOfMember } from '../pairs/access';
import { findPeople, findPerson } from '../people/people.repository';
import type { SwotFields } from './swot-fields';
import { findSwot, upsertSwot } from './swot.repository';

/** The SWOT as its modals show it. */
export interface SwotView extends SwotFields {
  updatedBy: string;
  updatedAt: Date;
}

/** The mentee's form, or the mentor's read-only view with who wrote it when, in the viewer's zone. */
export interface SwotScreen {
  pairId: string;
  menteeId: string;
  menteeName: string;
  swot: SwotView | null;
  /** The mentee fills it in; the mentor reads it. */
  canEdit: boolean;
  viewerZone: string;
}

const MENTEE_ONLY = 'Only the mentee fills in the SWOT; as the mentor you can read it.';

/** The mentee's SWOT self-assessment, one per pair, used to pick goals. */
export class SwotService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** Either member may read it (an ended pair's too); only the mentee writes it. */
  async forMember(actor: Actor, pairId: unknown): Promise<SwotScreen> {
    const { pair, role } = await pairOfMember(this.db, actor, pairId, { states: ALL_STATES });
    const [swot, viewer, mentee] = await Promise.all([
      findSwot(this.db, actor.teamId, pair.id),
      findPerson(this.db, actor.teamId, actor.userId),
      findPeople(this.db, actor.teamId, [pair.mentee_id]),
    ]);
    return {
      pairId: pair.id,
      menteeId: pair.mentee_id,
      menteeName: mentee[0]?.display_name ?? pair.mentee_id,
      swot: swot
        ? {
            strengths: swot.strengths,
            weaknesses: swot.weaknesses,
            opportunities: swot.opportunities,
            threats: swot.threats,
            updatedBy: swot.updated_by,
            updatedAt: swot.updated_at,
          }
        : null,
      canEdit: role === 'mentee',
      viewerZone: viewer?.time_zone ?? 'UTC',
    };
  }

  async save(actor: Actor, pairId: unknown, fields: SwotFields): Promise<WithEffects<{ pairId: string }>> {
    return this.db.transaction().execute(async (tx) => {
      const { pair } = await pairOfMember(tx, actor, pairId, { role: 'mentee', refusals: { role: MENTEE_ONLY } });
      await upsertSwot(tx, actor.teamId, pair.id, fields, actor.userId, this.clock());
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'swot_saved', pairId: pair.id, mentorId: pair.mentor_id, menteeId: pair.mentee_id },
      ]);
      return { pairId: pair.id, effects };
    });
  }
}
