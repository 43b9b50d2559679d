import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { type ExportDocument, exportDocument, exportSummary } from './export-document';
import { type InventoryLine, inventoryOf } from './inventory';
import { type Erased, erasePersonalData, namesOf, pairsOfPerson, type PersonalData, readPersonalData, type Who } from './personal-data.repository';
import { JOURNAL_TEXTS, openTexts, PLAIN_TEXT, REFLECTION_TEXTS, type TextCipher } from './sealed-text';

/**
 * `/mentorship mydata`: a person's own data, and only theirs. Every call takes the actor's own team
 * and user id, never an id from a button or a form, so nobody can reach anyone else's data here.
 */
export class PersonalDataService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
    /** Opens the sealed texts (journal, closing reflections): the export holds them as the person wrote them. */
    private readonly cipher: TextCipher = PLAIN_TEXT,
  ) {}

  /** The export file's content and the readable lines that go with it. */
  async exportFor(actor: Actor): Promise<{ document: ExportDocument; summary: string[] }> {
    const who = whoOf(actor);
    const data = openSealed(await readPersonalData(this.db, who, await pairsOfPerson(this.db, who)), this.cipher);
    const others = data.pairs.map((pair) => (pair.mentor_id === who.userId ? pair.mentee_id : pair.mentor_id));
    const document = exportDocument(data, who, await namesOf(this.db, who.teamId, others), this.clock());
    return { document, summary: exportSummary(document) };
  }

  /** What a deletion would take, per kind, for the confirmation. */
  async inventory(actor: Actor): Promise<InventoryLine[]> {
    const who = whoOf(actor);
    return inventoryOf(await readPersonalData(this.db, who, await pairsOfPerson(this.db, who)), who.userId);
  }

  /**
   * Deletes the person's private data and blanks their text in shared pair history, in one
   * transaction; the lines say what went (counted inside it, so they match what was deleted).
   */
  async erase(actor: Actor): Promise<WithEffects<{ lines: InventoryLine[]; erased: Erased }>> {
    return eraseWho(this.db, this.effects, whoOf(actor), this.clock());
  }
}

/** The deletion itself, for the person's own request and for the scheduler's (a deactivated account). */
export async function eraseWho(
  db: Kysely<Database>,
  effects: EffectsRecorder,
  who: Who,
  now: Date,
): Promise<WithEffects<{ lines: InventoryLine[]; erased: Erased }>> {
  return db.transaction().execute(async (tx) => {
    const pairs = await pairsOfPerson(tx, who);
    const data = await readPersonalData(tx, who, pairs);
    const lines = inventoryOf(data, who.userId);
    const erased = await erasePersonalData(tx, who, pairs, now);
    const otherIds = [...new Set(data.pairs.map((pair) => (pair.mentor_id === who.userId ? pair.mentee_id : pair.mentor_id)))];
    const recorded = await effects.record(tx, who.teamId, [{ type: 'personal_data_erased', userId: who.userId, otherIds }]);
    return { lines, erased, effects: recorded };
  });
}

const whoOf = (actor: Actor): Who => ({ teamId: actor.teamId, userId: actor.userId });

/** The export's copy of the sealed texts, opened; a text no configured key opens stops the export, saying why. */
const openSealed = (data: PersonalData, cipher: TextCipher): PersonalData => ({
  ...data,
  journal: data.journal.map((entry) => openTexts(cipher, entry, JOURNAL_TEXTS)),
  closingReflections: data.closingReflections.map((reflection) => openTexts(cipher, reflection, REFLECTION_TEXTS)),
});
