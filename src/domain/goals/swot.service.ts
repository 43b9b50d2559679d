import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import { pairForMember } from './goal-access';
import { findSwot, type Swot, type SwotFields, upsertSwot } from './swot.repository';

export interface SwotView {
  pair: Pair;
  swot: Swot | null;
  /** The mentee fills it in; the mentor reads it. */
  canEdit: boolean;
}

/** The mentee's SWOT self-assessment, one per pair, used to pick goals. */
export class SwotService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async forMember(teamId: string, pairId: string, userId: string): Promise<SwotView> {
    const pair = await pairForMember(this.db, teamId, pairId, userId);
    const swot = (await findSwot(this.db, teamId, pairId)) ?? null;
    return { pair, swot, canEdit: pair.mentee_id === userId };
  }

  async save(teamId: string, pairId: string, userId: string, fields: SwotFields): Promise<{ pair: Pair; swot: Swot }> {
    const pair = await pairForMember(this.db, teamId, pairId, userId);
    if (pair.mentee_id !== userId) throw new DomainError('forbidden', 'Only the mentee fills in the SWOT; as the mentor you can read it.');
    const swot = await upsertSwot(this.db, teamId, pairId, fields, userId, this.clock());
    return { pair, swot };
  }
}
