import { upsertPerson } from '../../../src/domain/people/people.repository';
import { planReminders } from '../../../src/domain/reminders/plan';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { createPair, firstMeeting, outboxRows, truncateAll } from './fixtures';

/**
 * A planning pass visits only what changed (migration 0150): the meetings whose reminders are not
 * planned yet and the pairs whose next meeting has started. These tests prove it does no work when
 * nothing changed, and that every kind of change, made by any code path, is picked up again.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T12:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  await truncateAll(h.db.kysely);
});

async function pass(at: string) {
  const now = new Date(at);
  const ensured = await h.bot.services.meetings.ensureUpcoming(now);
  const plan = await planReminders(h.db.kysely, now);
  return { pairsChecked: ensured.pairs, remindersConsidered: plan.considered };
}
const prepFor = async (recipient: string) => (await outboxRows(h.db.kysely, { kind: 'prep', recipient }))[0]!;
const meetingRows = (pairId: string) =>
  h.db.kysely.selectFrom('meetings').select(['sequence', 'scheduled_at']).where('pair_id', '=', pairId).orderBy('sequence').execute();

describe('incremental planning', () => {
  it('plans a new pair once; a pass with nothing new checks no pair and plans no reminder', async () => {
    await createPair(h.bot.services.pairs);
    const first = await pass('2026-11-25T12:00:00Z');
    expect(first.pairsChecked).toBe(1);
    expect(first.remindersConsidered).toBeGreaterThan(0);
    const rows = await outboxRows(h.db.kysely);

    expect(await pass('2026-11-25T12:01:00Z')).toEqual({ pairsChecked: 0, remindersConsidered: 0 });
    expect(await outboxRows(h.db.kysely)).toEqual(rows);
  });

  it('checks only the pair whose meeting has started, and plans its next meeting', async () => {
    const early = await createPair(h.bot.services.pairs, { firstDate: '2026-12-01' });
    const late = await createPair(h.bot.services.pairs, { firstDate: '2026-12-03', mentor: 'other', mentee: 'stranger' });
    await pass('2026-11-25T12:00:00Z');

    const afterFirstMeeting = await pass('2026-12-01T14:01:00Z');
    expect(afterFirstMeeting.pairsChecked).toBe(1);
    expect((await meetingRows(early.id)).map((m) => m.scheduled_at.toISOString())).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-08T14:00:00.000Z']);
    expect(await meetingRows(late.id)).toHaveLength(1);
    // The new meeting's reminders are planned in that same pass.
    expect((await outboxRows(h.db.kysely, { kind: 'prep', recipient: USERS.mentee.id })).map((r) => r.payload)).toContainEqual({
      meetingAt: '2026-12-08T14:00:00.000Z',
    });
  });

  it("re-plans a person's reminders on the next pass when Slack reports a new time zone (no feature re-plans it)", async () => {
    await createPair(h.bot.services.pairs);
    await pass('2026-11-25T12:00:00Z');
    const before = await prepFor(USERS.mentee.id);
    expect(before.basis).toMatch(/\|America\/New_York$/);

    await upsertPerson(h.db.kysely, { teamId: TEAM_ID, userId: USERS.mentee.id, displayName: USERS.mentee.name, timeZone: 'Asia/Tokyo' });
    await pass('2026-11-25T12:01:00Z');
    const after = await prepFor(USERS.mentee.id);
    expect(after.id).toBe(before.id);
    expect(after.basis).toMatch(/\|Asia\/Tokyo$/);
    // 14:00Z the day before is 23:00 in Tokyo: quiet hours move it to the next morning there (08:00 JST = 23:00Z).
    expect(after.due_at.toISOString() >= '2026-11-30T23:00:00.000Z').toBe(true);
  });

  it('re-plans a meeting moved by any code path, and checks its pair again', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await pass('2026-11-25T12:00:00Z');
    const before = await prepFor(USERS.mentee.id);

    await h.db.kysely
      .updateTable('meetings')
      .set({ scheduled_at: new Date('2026-12-03T14:00:00Z') })
      .where('id', '=', meeting.id)
      .execute();
    const next = await pass('2026-11-25T12:01:00Z');
    expect(next.pairsChecked).toBe(1);
    const after = await prepFor(USERS.mentee.id);
    expect(after.due_at.getTime() - before.due_at.getTime()).toBe(2 * 86_400_000);
  });

  it('checks a pair again after its rhythm changes, so a move to a shorter rhythm is not missed', async () => {
    const pair = await createPair(h.bot.services.pairs, { cadence: 'monthly' });
    await pass('2026-11-25T12:00:00Z');
    expect(await pass('2026-11-25T12:01:00Z')).toMatchObject({ pairsChecked: 0 });
    await h.db.kysely.updateTable('pairs').set({ cadence: 'weekly' }).where('id', '=', pair.id).execute();
    expect(await pass('2026-11-25T12:02:00Z')).toMatchObject({ pairsChecked: 1 });
  });

  it('leaves a paused pair alone and plans it again when it resumes', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await pass('2026-11-25T12:00:00Z');
    await h.db.kysely.updateTable('pairs').set({ status: 'paused' }).where('id', '=', pair.id).execute();
    expect(await pass('2026-11-25T12:01:00Z')).toEqual({ pairsChecked: 0, remindersConsidered: 0 });
    await h.db.kysely.updateTable('pairs').set({ status: 'active' }).where('id', '=', pair.id).execute();
    const resumed = await pass('2026-11-25T12:02:00Z');
    expect(resumed.pairsChecked).toBe(1);
    expect(resumed.remindersConsidered).toBeGreaterThan(0);
  });

  it('plans a wrap-up once when the end comes near, and again when the end moves', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await h.db.kysely.updateTable('pairs').set({ planned_end_on: '2027-01-20' }).where('id', '=', pair.id).execute();
    await pass('2026-11-25T12:00:00Z');
    const wrapUp = async () => (await outboxRows(h.db.kysely, { kind: 'wrap_up', recipient: USERS.mentee.id }))[0]!;
    expect((await wrapUp()).payload).toEqual({ plannedEndOn: '2027-01-20' });
    expect(await pass('2026-11-25T12:01:00Z')).toEqual({ pairsChecked: 0, remindersConsidered: 0 });

    await h.db.kysely.updateTable('pairs').set({ planned_end_on: '2027-01-27' }).where('id', '=', pair.id).execute();
    await pass('2026-11-25T12:02:00Z');
    expect(await outboxRows(h.db.kysely, { kind: 'wrap_up', recipient: USERS.mentee.id })).toContainEqual(
      expect.objectContaining({ payload: { plannedEndOn: '2027-01-27' } }),
    );
  });
});
