import { DEFAULT_SCHEDULER_SETTINGS } from '../../../src/scheduler/scheduler';
import { housekeep } from '../../../src/scheduler/housekeeping';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { cellsHoldingIn, MARKS, seedTwoPairs } from '../../support/personal-data';

/**
 * A deactivated or deleted Slack account is handled like an uninstall: its `deactivated_at` waits
 * UNINSTALL_RETENTION_DAYS (a reactivation clears it), then a scheduler pass erases the person's data
 * exactly as their own `/mentorship mydata` delete would, once. Theo typed a marker into every kind
 * of field; after the erasure it is nowhere in the database, and his peers' entries are untouched.
 */
const DAY = 86_400_000;
const ME = USERS.mentee;
const MENTOR = USERS.mentor;
const MENTEE = USERS.other;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedTwoPairs(h.db.kysely, h.standIn.teamId, { me: ME.id, mentor: MENTOR.id, mentee: MENTEE.id }, h.clock.now());
});
afterAll(() => h.close());

const cellsHolding = (marker: string) => cellsHoldingIn(h.db.kysely, marker);
const entries = (cells: string[]) => cells.filter((cell) => !cell.startsWith('outbox.'));
const person = (userId: string) => h.db.kysely.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
const pass = async () => (await h.bot.scheduler.runPass(h.clock.now))!.housekeeping!;
/** Slack tells the bot the account was deleted (or restored). */
async function accountDeleted(userId: string, deleted: boolean): Promise<void> {
  h.standIn.updateUser(userId, { deleted });
  const response = await h.driver.event({ type: 'user_change', user: h.standIn.userObject(userId), event_ts: '1.0' });
  expect(response.status).toBe(200);
  await h.settle();
}

describe('a deleted account, kept for the retention period', () => {
  let theirsBefore: string[];

  it('keeps the data for UNINSTALL_RETENTION_DAYS after the deactivation', async () => {
    theirsBefore = entries(await cellsHolding(MARKS.theirs));
    await accountDeleted(ME.id, true);
    expect((await person(ME.id)).deactivated_at).toEqual(h.clock.now());
    h.clock.advance(29 * DAY);
    expect((await pass()).accountsErased).toBe(0);
    expect(await cellsHolding(MARKS.mine)).not.toEqual([]);
  });

  it('then erases it at the next pass as a mydata delete would: the marker is nowhere, the peers keep their own entries', async () => {
    h.clock.advance(2 * DAY);
    expect((await pass()).accountsErased).toBe(1);
    expect(await cellsHolding(MARKS.mine)).toEqual([]);
    expect(entries(await cellsHolding(MARKS.theirs))).toEqual(theirsBefore);
    // Maria's journal, Olga's SWOT and goal reflection, Maria's closing reflection and check-in note: all still there.
    expect(await cellsHolding(MARKS.secret)).toHaveLength(8);
    const db = h.db.kysely;
    expect(await db.selectFrom('journal_entries').select('author_id').execute()).toEqual([{ author_id: MENTOR.id }]);
    expect(await db.selectFrom('goals').select('title').where('created_by', '=', ME.id).execute()).toEqual([{ title: '(removed)' }]);
    expect(await person(ME.id)).toMatchObject({ display_name: 'a former member', erased_at: h.clock.now() });
  });

  it('erases once: later passes, and later profile events of the deleted account, change nothing', async () => {
    h.clock.advance(DAY);
    expect((await pass()).accountsErased).toBe(0);
    await accountDeleted(ME.id, true);
    expect(await person(ME.id)).toMatchObject({ display_name: 'a former member' });
    expect((await pass()).accountsErased).toBe(0);
  });

  it('erases again when the account comes back, writes, and is deactivated once more', async () => {
    await accountDeleted(ME.id, false);
    expect(await person(ME.id)).toMatchObject({ deactivated_at: null, display_name: expect.not.stringMatching(/former/) });
    await h.db.kysely
      .insertInto('journal_entries')
      .values({ team_id: h.standIn.teamId, author_id: ME.id, pair_id: null, went_well: `${MARKS.mine} after coming back` })
      .execute();
    await accountDeleted(ME.id, true);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, uninstallRetentionDays: 0 };
    expect((await housekeep(h.db.kysely, h.clock.now(), settings, { stopped: false })).accountsErased).toBe(1);
    expect(await cellsHolding(MARKS.mine)).toEqual([]);
  });
});

describe('a reactivated account', () => {
  it('is not erased when Slack restores it before the period ends', async () => {
    const before = await cellsHolding(MARKS.secret);
    await accountDeleted(MENTOR.id, true);
    h.clock.advance(10 * DAY);
    await accountDeleted(MENTOR.id, false);
    h.clock.advance(25 * DAY);
    expect((await pass()).accountsErased).toBe(0);
    expect(await cellsHolding(MARKS.secret)).toEqual(before);
    expect(await person(MENTOR.id)).toMatchObject({ deactivated_at: null, erased_at: null });
  });
});

describe('UNINSTALL_RETENTION_DAYS=0', () => {
  it('erases a deactivated account at the next pass, and never during a pass that was stopped while sending', async () => {
    await accountDeleted(MENTEE.id, true);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, uninstallRetentionDays: 0 };
    expect((await housekeep(h.db.kysely, h.clock.now(), settings, { stopped: true })).accountsErased).toBe(0);
    expect((await housekeep(h.db.kysely, h.clock.now(), settings, { stopped: false })).accountsErased).toBe(1);
    expect(await person(MENTEE.id)).toMatchObject({ display_name: 'a former member' });
  });
});
