import type { Kysely } from 'kysely';
import type { CheckInAnswer, Database, ProgressCheckIn } from '../../db/schema';
import type { Actor } from '../actor';
import { type Membership, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import type { Checkpoint } from './check-in-timing';
import { findCheckIn, saveCheckIn } from './check-ins.repository';

export interface CheckInForm {
  checkpoint: Checkpoint;
  answer: CheckInAnswer;
  note: string | null;
  shared: boolean;
}

export type CheckInResult = { ok: true; shared: boolean; otherId: string } | { ok: false; errors: FieldErrors<'note'> };

const NOTE_MAX = 1000;
/** A check-in is about a running mentorship: an answer may come during a pause, not after the end. */
const DURING: readonly ['active', 'paused'] = ['active', 'paused'];

/**
 * "How is the mentorship going?" at a third and two thirds of the way (issue 16, point 7). Each
 * person answers for themselves only (the row is keyed by who answers), privately; a coordinator sees
 * an answer only when its author shared it.
 */
export class CheckInsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** What the form opens with: the person's own earlier answer at this checkpoint, if any. */
  async draft(actor: Actor, pairId: unknown, checkpoint: Checkpoint): Promise<{ membership: Membership; earlier: ProgressCheckIn | undefined }> {
    const membership = await pairOfMember(this.db, actor, pairId, { states: DURING });
    return { membership, earlier: await findCheckIn(this.db, { pairId: membership.pair.id, userId: actor.userId, checkpoint }) };
  }

  async answer(actor: Actor, pairId: unknown, form: CheckInForm): Promise<CheckInResult> {
    const note = form.note?.trim() || null;
    if (note && note.length > NOTE_MAX) return { ok: false, errors: { note: `Keep it under ${NOTE_MAX} characters.` } };
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, pairId, { states: DURING, lock: true });
      const key = { pairId: pair.id, userId: actor.userId, checkpoint: form.checkpoint };
      await saveCheckIn(tx, actor.teamId, key, { answer: form.answer, note, shared: form.shared }, this.clock());
      return { ok: true as const, shared: form.shared, otherId };
    });
  }
}
