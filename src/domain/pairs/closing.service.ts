import type { Kysely } from 'kysely';
import type { Database, PairReflection } from '../../db/schema';
import { openTexts, PLAIN_TEXT, REFLECTION_TEXTS, type TextCipher } from '../personal-data/sealed-text';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { zonesOf } from '../people/people.repository';
import { type AccessOptions, type Membership, pairOfMember } from './access';
import { findReflection, saveReflection, setCheckIns } from './lifecycle.repository';
import type { FieldErrors } from './pair-rules';

/** After the end: a pair's closing reflection and stay-in-touch check-ins are for its two people only. */
const AFTER_END: Omit<AccessOptions, 'lock'> = { states: ['ended'], refusals: { state: () => 'That is for after the mentorship has ended.' } };

export interface ReflectionForm {
  learned: string | null;
  nextSteps: string | null;
  longTermGoals: string | null;
  stayInTouch: string | null;
  wouldMentor: 'yes' | 'maybe' | 'no' | null;
  checkIns: boolean;
}

export type ReflectionField = 'learned';
export type NoteResult = WithEffects<{ ok: true; toId: string }> | { ok: false; errors: FieldErrors<'note'> };

const NOTE_MAX = 1000;

/**
 * The closing reflection (what I learned, what I'll do next, long-term goals, how we'll stay in
 * touch, whether I'd mentor someone), kept private to its author; whether they want check-ins 1, 3
 * and 6 months later; and the note a check-in offers to send the other person.
 */
export class ClosingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
    /** DATA_ENCRYPTION_KEY: the reflection's texts are sealed before they are stored, opened only for their author. */
    private readonly cipher: TextCipher = PLAIN_TEXT,
  ) {}

  /** What the reflection modal opens with: the person's own reflection so far. */
  async reflectionDraft(actor: Actor, pairId: unknown): Promise<{ membership: Membership; reflection: PairReflection | undefined }> {
    const membership = await pairOfMember(this.db, actor, pairId, AFTER_END);
    const reflection = await findReflection(this.db, membership.pair.id, actor.userId);
    return { membership, reflection: reflection && openTexts(this.cipher, reflection, REFLECTION_TEXTS) };
  }

  async saveReflection(
    actor: Actor,
    pairId: unknown,
    form: ReflectionForm,
  ): Promise<{ ok: true; checkIns: boolean } | { ok: false; errors: FieldErrors<ReflectionField> }> {
    const empty = [form.learned, form.nextSteps, form.longTermGoals, form.stayInTouch, form.wouldMentor].every((value) => value === null);
    if (empty) return { ok: false, errors: { learned: 'Write at least one line of your reflection (or close the form).' } };
    const now = this.clock();
    await this.db.transaction().execute(async (tx) => {
      const { pair } = await pairOfMember(tx, actor, pairId, { ...AFTER_END, lock: true });
      await saveReflection(
        tx,
        { pairId: pair.id, userId: actor.userId },
        {
          learned: this.cipher.seal(form.learned),
          next_steps: this.cipher.seal(form.nextSteps),
          long_term_goals: this.cipher.seal(form.longTermGoals),
          stay_in_touch: this.cipher.seal(form.stayInTouch),
          would_mentor: form.wouldMentor,
          check_ins: form.checkIns,
        },
        now,
      );
    });
    return { ok: true, checkIns: form.checkIns };
  }

  /**
   * Stops (or restarts) the person's check-ins. The rows stay planned: the dispatcher reads this
   * choice just before each send, so a check-in never goes out after "stop", and "restart" needs no re-planning.
   */
  async setCheckIns(actor: Actor, pairId: unknown, wanted: boolean): Promise<Membership> {
    return this.db.transaction().execute(async (tx) => {
      const membership = await pairOfMember(tx, actor, pairId, { ...AFTER_END, lock: true });
      await setCheckIns(tx, { pairId: membership.pair.id, userId: actor.userId }, wanted, this.clock());
      return membership;
    });
  }

  /** Whom a check-in note would go to (the modal names them). */
  noteRecipient(actor: Actor, pairId: unknown): Promise<Membership> {
    return pairOfMember(this.db, actor, pairId, AFTER_END);
  }

  /** A note to the other person of an ended pair, by DM through the outbox. */
  async sendNote(actor: Actor, pairId: unknown, note: string): Promise<NoteResult> {
    const text = note.trim();
    if (text.length === 0) return { ok: false, errors: { note: 'Write a few words to send.' } };
    if (text.length > NOTE_MAX) return { ok: false, errors: { note: `Keep it under ${NOTE_MAX} characters.` } };
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, pairId, AFTER_END);
      const zones = await zonesOf(tx, actor.teamId, [otherId]);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'check_in_note_sent', pairId: pair.id, fromId: actor.userId, toId: otherId, toZone: zones[otherId]!, note: text },
      ]);
      return { ok: true as const, toId: otherId, effects };
    });
  }
}
