import { cancelUnsent } from '../../../src/domain/reminders/reminders-outbox.repository';
import { replanMeeting } from '../../../src/domain/reminders/plan';
import { OpenActions } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { createPair, firstMeeting, outboxRows, truncateAll } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T12:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
  await truncateAll(h.db.kysely);
  h.clock.set('2026-11-23T12:00:00Z');
});

async function pass(at: string) {
  h.clock.set(at);
  const report = await h.bot.scheduler.runPass(h.clock.now);
  expect(report).toBeDefined();
  return report!;
}
const meetings = (pairId: string) => h.db.kysely.selectFrom('meetings').selectAll().where('pair_id', '=', pairId).orderBy('sequence').execute();
const elements = (m: { blocks?: any[] }) => (m.blocks ?? []).flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter((e) => e?.action_id);

describe('the meetings the planner works from', () => {
  it('materialises the next meeting once the current one has started, once however many passes run', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await pass('2026-11-30T12:00:00Z');
    expect(await meetings(pair.id)).toHaveLength(1);
    await Promise.all([pass('2026-12-01T14:01:00Z'), h.bot.scheduler.runPass(h.clock.now), pass('2026-12-01T14:01:00Z')]);
    const rows = await meetings(pair.id);
    expect(rows.map((m) => [m.sequence, m.scheduled_at.toISOString()])).toEqual([
      [0, '2026-12-01T14:00:00.000Z'],
      [1, '2026-12-08T14:00:00.000Z'],
    ]);
  });

  it('plans no meeting after the pair’s planned end', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await h.db.kysely.updateTable('pairs').set({ planned_end_on: '2026-12-05' }).where('id', '=', pair.id).execute();
    await pass('2026-12-01T14:01:00Z');
    expect(await meetings(pair.id)).toHaveLength(1);
  });
});

describe('a meeting that moves', () => {
  it('moves its unsent reminders when re-planned in the same transaction as the reschedule, reviving cancelled ones', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await pass('2026-11-25T12:00:00Z');
    const before = (await outboxRows(h.db.kysely, { kind: 'prep' }))[0]!;
    await h.db.kysely.transaction().execute(async (tx) => {
      await tx
        .updateTable('meetings')
        .set({ scheduled_at: new Date('2026-12-03T14:00:00Z'), rescheduled_from: meeting.scheduled_at })
        .where('id', '=', meeting.id)
        .execute();
      // A feature that cancels first (as cancelUnsent's comment suggests) and then re-plans gets the rows back.
      await cancelUnsent(tx, { meetingId: meeting.id }, 'rescheduled');
      await replanMeeting(tx, meeting.id, h.clock.now());
    });
    const after = (await outboxRows(h.db.kysely, { kind: 'prep' }))[0]!;
    expect(after.id).toBe(before.id);
    expect(after.state).toBe('pending');
    expect(after.due_at.getTime() - before.due_at.getTime()).toBe(2 * 86_400_000);

    await pass('2026-11-30T14:05:00Z'); // the old due time: nothing goes out
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    await pass('2026-12-02T14:05:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)[0]?.text).toContain('Thu 3 Dec 2026');
  });

  it('moves the pending prep nudge in the same transaction when a member reschedules through the meetings feature', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await pass('2026-11-25T12:00:00Z');
    const before = (await outboxRows(h.db.kysely, { kind: 'prep' }))[0]!;
    const moved = await h.bot.services.meetingChanges.reschedule({ teamId: TEAM_ID, userId: pair.mentee_id }, meeting.id, {
      date: '2026-12-03',
      time: meeting.scheduled_at.toISOString().slice(11, 16),
    });
    expect(moved.ok).toBe(true);
    // No pass has run since: the row already carries the new due time.
    const after = (await outboxRows(h.db.kysely, { kind: 'prep' })).find((row) => row.id === before.id)!;
    expect(after.state).toBe('pending');
    expect(after.due_at.getTime()).toBeGreaterThan(before.due_at.getTime());
  });

  it('never sends a nudge for the old time when the meeting moved without a re-plan; the next pass plans the new time', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await pass('2026-11-25T12:00:00Z');
    await h.db.kysely
      .updateTable('meetings')
      .set({ scheduled_at: new Date('2026-12-03T14:00:00Z') })
      .where('id', '=', meeting.id)
      .execute();
    await pass('2026-11-30T14:05:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    await pass('2026-12-02T14:05:00Z');
    await pass('2026-12-02T14:10:00Z');
    const dms = h.standIn.dmsTo(USERS.mentee.id);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toContain('Thu 3 Dec 2026');
  });
});

describe('between sessions', () => {
  it('nudges the mentee half-way to the next meeting about two resources and the achievement or challenge to share', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await h.db.kysely
      .insertInto('learning_resources')
      .values({
        team_id: TEAM_ID,
        pair_id: pair.id,
        title: 'Refactoring',
        url: null,
        recommended_by: USERS.mentor.id,
        explored_at: null,
        explored_by: null,
        takeaway: null,
      })
      .execute();
    await pass('2026-12-01T14:01:00Z'); // the first meeting has started: the second is planned
    h.standIn.reset();
    await pass('2026-12-04T15:05:00Z'); // 10:05 in New York, half-way between 1 and 8 December
    const [nudge] = h.standIn.dmsTo(USERS.mentee.id).filter((m) => m.text.startsWith('Half-way'));
    expect(JSON.stringify(nudge!.blocks)).toContain('0 of 1 resource explored');
    expect(elements(nudge!).map((e) => e.action_id)).toEqual([
      OpenActions.sendUpdate,
      OpenActions.addResource,
      OpenActions.prepareAgenda,
      'reminder_settings_open',
    ]);
    expect(h.standIn.dmsTo(USERS.mentor.id).filter((m) => m.text.startsWith('Half-way'))).toHaveLength(0);
  });

  it('reminds each owner the day before their action items are due, with a button to tick each off', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const item = await h.db.kysely
      .insertInto('action_items')
      .values({
        team_id: TEAM_ID,
        pair_id: pair.id,
        meeting_id: null,
        owner_id: USERS.mentee.id,
        body: 'Write the <!here> design doc',
        due_on: '2026-12-10',
        done_at: null,
        done_by: null,
        created_by: USERS.mentor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await pass('2026-12-09T13:00:00Z'); // 08:00 New York: not yet
    expect(h.standIn.dmsTo(USERS.mentee.id).filter((m) => m.text.includes('due tomorrow'))).toHaveLength(0);
    await pass('2026-12-09T14:05:00Z');
    const [due] = h.standIn.dmsTo(USERS.mentee.id).filter((m) => m.text.includes('due tomorrow'));
    expect(JSON.stringify(due!.blocks)).toContain('Write the &lt;!here&gt; design doc');
    expect(elements(due!).find((e) => e.action_id === OpenActions.tickActionItem)?.value).toBe(item.id);
    expect(h.standIn.dmsTo(USERS.mentor.id).filter((m) => m.text.includes('due tomorrow'))).toHaveLength(0);
  });

  it('tells the mentee a week before a goal’s target date, and both two days before the first wrap-up meeting', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await h.db.kysely
      .insertInto('goals')
      .values({
        team_id: TEAM_ID,
        pair_id: pair.id,
        title: 'Give a talk',
        target_date: '2026-12-20',
        status: 'approved',
        created_by: USERS.mentee.id,
        specific: null,
        measurable: null,
        achievable: null,
        relevant: null,
        objective: null,
        approved_by: USERS.mentor.id,
        approved_at: new Date(),
        changes_comment: null,
        share_channel_id: null,
        share_message_ts: null,
        achieved_at: null,
        reflection: null,
      })
      .execute();
    // Weekly on Tuesdays until 29 Dec: the wrap-up meetings are 22 and 29 Dec, so the prompt comes on 20 Dec.
    await h.db.kysely.updateTable('pairs').set({ planned_end_on: '2026-12-29' }).where('id', '=', pair.id).execute();
    await pass('2026-12-13T14:05:00Z');
    const texts = (user: string) =>
      h.standIn
        .dmsTo(user)
        .map((m) => JSON.stringify(m.blocks))
        .join('\n');
    expect(texts(USERS.mentee.id)).toContain('*Give a talk* has its target date in 7 days (Sun 20 Dec 2026)');
    expect(texts(USERS.mentee.id)).not.toContain('planned to end');
    expect(texts(USERS.mentor.id)).not.toContain('Give a talk');
    await pass('2026-12-20T14:05:00Z'); // 09:05 in New York, 15:05 in Berlin
    expect(texts(USERS.mentee.id)).toContain('planned to end on Tue 29 Dec 2026');
    expect(texts(USERS.mentor.id)).toContain('planned to end on Tue 29 Dec 2026');
  });
});
