import type { Db } from '../../../src/db/create-db';
import { JournalService } from '../../../src/domain/journal/journal.service';
import { ensureWorkspace, upsertPerson } from '../../../src/domain/people/people.repository';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { createTestDb } from '../../support/test-db';

let db: Db;
let journal: JournalService;
/** Every author here is stored already: Slack is never asked. */
const noLookup = async () => {
  throw new Error('the author is known; Slack must not be asked');
};

beforeAll(async () => {
  db = await createTestDb();
  const clock = () => new Date('2026-11-23T12:00:00Z');
  journal = new JournalService(db.kysely, clock, createEffectsRecorder(clock));
  await ensureWorkspace(db.kysely, 'T1');
  await ensureWorkspace(db.kysely, 'T2');
  for (const [teamId, userId] of [
    ['T1', 'UA'],
    ['T1', 'UB'],
    ['T2', 'UA'],
  ])
    await upsertPerson(db.kysely, { teamId: teamId!, userId: userId!, displayName: userId!, timeZone: 'UTC' });
});
afterAll(() => db.close());

describe('JournalService', () => {
  it('reads an entry back only for its author, in its own workspace', async () => {
    const written = await journal.write({ teamId: 'T1', userId: 'UA' }, { pairId: null, wentWell: 'private thought', learned: null, tryNext: null }, noLookup);
    if (!written.ok) throw new Error('write');
    expect((await journal.read({ teamId: 'T1', userId: 'UA' }, written.entry.id)).wentWell).toBe('private thought');
    await expect(journal.read({ teamId: 'T1', userId: 'UB' }, written.entry.id)).rejects.toMatchObject({ code: 'not_found' });
    // The same user id in another workspace is another person.
    await expect(journal.read({ teamId: 'T2', userId: 'UA' }, written.entry.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await journal.recent({ teamId: 'T1', userId: 'UB' })).toEqual([]);
    expect(await journal.recent({ teamId: 'T2', userId: 'UA' })).toEqual([]);
  });

  it('refuses to tie an entry to a pair the author is not in', async () => {
    await expect(
      journal.write({ teamId: 'T1', userId: 'UA' }, { pairId: '00000000-0000-4000-8000-000000000001', wentWell: 'x', learned: null, tryNext: null }, noLookup),
    ).rejects.toMatchObject({ code: 'not_in_pair' });
  });

  it('stores an author it never met from Slack’s profile, with the entry; a refused pair stores neither', async () => {
    const asked: string[] = [];
    const lookup = async () => (asked.push('UNEW'), { displayName: 'Nova', timeZone: 'Asia/Kolkata' });
    const person = () =>
      db.kysely.selectFrom('people').select(['display_name', 'time_zone']).where('team_id', '=', 'T1').where('user_id', '=', 'UNEW').executeTakeFirst();
    const forged = { pairId: '00000000-0000-4000-8000-000000000001', wentWell: 'x', learned: null, tryNext: null };
    await expect(journal.write({ teamId: 'T1', userId: 'UNEW' }, forged, lookup)).rejects.toMatchObject({ code: 'not_in_pair' });
    expect(asked).toEqual([]);
    expect(await person()).toBeUndefined();

    const written = await journal.write({ teamId: 'T1', userId: 'UNEW' }, { ...forged, pairId: null }, lookup);
    expect(written).toMatchObject({ ok: true, zone: 'Asia/Kolkata', recent: [{ wentWell: 'x' }] });
    expect(await person()).toEqual({ display_name: 'Nova', time_zone: 'Asia/Kolkata' });
    await journal.write({ teamId: 'T1', userId: 'UNEW' }, { ...forged, pairId: null }, lookup);
    expect(asked).toEqual(['UNEW']);
  });
});
