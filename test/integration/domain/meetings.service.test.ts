import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import type { Cadence, Pair } from '../../../src/db/schema';
import { AgendaService } from '../../../src/domain/meetings/agenda.service';
import { MeetingChangesService } from '../../../src/domain/meetings/meeting-changes.service';
import { MeetingsService } from '../../../src/domain/meetings/meetings.service';
import { NotesService } from '../../../src/domain/meetings/notes.service';
import type { PickedUser } from '../../../src/domain/pairs/pair-rules';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { DomainError } from '../../../src/errors';
import { schedulerReminderPlanning } from '../../../src/services';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { TestClock } from '../../support/clock';
import { createTestDb, testDbKind } from '../../support/test-db';
import { eventually } from '../../support/wait';
import { insertPlannedMeetings } from '../../../src/domain/meetings/meetings.repository';

const TEAM = 'T1';
/** The actor a service call acts for. */
const as = (userId: string) => ({ teamId: TEAM, userId });
const person = (userId: string, timeZone = 'Europe/Berlin'): PickedUser => ({
  userId,
  displayName: userId.toLowerCase(),
  timeZone,
  isBot: false,
  deleted: false,
});

let db: Db;
let clock: TestClock;
let meetings: MeetingsService;
let changes: MeetingChangesService;
let pairs: PairsService;
let counter = 0;

beforeAll(async () => {
  db = await createTestDb();
  clock = new TestClock(new Date('2026-11-22T12:00:00Z'));
  meetings = new MeetingsService(db.kysely, clock.now);
  changes = new MeetingChangesService(db.kysely, clock.now, createEffectsRecorder(clock.now), schedulerReminderPlanning);
  pairs = new PairsService(db.kysely, clock.now, createEffectsRecorder(clock.now));
});
afterAll(() => db.close());

async function newPair(options: { cadence?: Cadence; firstDate?: string; time?: string; zone?: string; months?: number } = {}): Promise<Pair> {
  counter += 1;
  const mentorId = `UMENTOR${counter}`;
  const menteeId = `UMENTEE${counter}`;
  const result = await pairs.create(
    {
      teamId: TEAM,
      createdBy: mentorId,
      mentorId,
      menteeId,
      goalsChannelId: 'CGOALS',
      cadence: options.cadence ?? 'weekly',
      firstDate: options.firstDate ?? '2026-12-01',
      firstTime: options.time ?? '10:00',
      timeZone: options.zone ?? 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: options.months ?? 6,
    },
    { mentor: person(mentorId), mentee: person(menteeId, 'America/New_York') },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pair;
}

const rowsOf = (pairId: string) =>
  db.kysely
    .selectFrom('meetings')
    .select(['id', 'sequence', 'status', 'scheduled_at', 'duration_minutes', 'rescheduled_from'])
    .where('pair_id', '=', pairId)
    .orderBy('sequence')
    .execute();

const queueReminder = async (pair: Pair, meetingId: string, key: string) => {
  const at = new Date('2026-12-01T00:00:00Z');
  await db.kysely
    .insertInto('outbox')
    .values({
      team_id: TEAM,
      kind: 'prep',
      pair_id: pair.id,
      meeting_id: meetingId,
      recipient_id: pair.mentee_id,
      dedupe_key: key,
      due_at: at,
      next_attempt_at: at,
    })
    .execute();
};
const reminderState = async (key: string) => (await db.kysely.selectFrom('outbox').select('state').where('dedupe_key', '=', key).executeTakeFirst())?.state;

beforeEach(() => clock.set('2026-11-22T12:00:00Z'));

describe('MeetingsService.ensureUpcoming', () => {
  it('creates the next occurrence once, however often it runs, passing over the meeting that has started', async () => {
    const pair = await newPair();
    clock.set('2026-12-01T12:00:00Z'); // first meeting (10:00 Berlin) is over, notes not yet recorded
    await Promise.all([meetings.ensureUpcoming(clock.now()), meetings.ensureUpcoming(clock.now()), meetings.ensureUpcoming(clock.now())]);
    await meetings.ensureUpcoming(clock.now());
    expect((await rowsOf(pair.id)).map((r) => [r.sequence, r.scheduled_at.toISOString()])).toEqual([
      [0, '2026-12-01T09:00:00.000Z'],
      [1, '2026-12-08T09:00:00.000Z'],
    ]);
  });

  it('keeps the wall time across the spring change: 10:00 in Berlin stays 10:00', async () => {
    const pair = await newPair({ firstDate: '2027-03-22' });
    clock.set('2027-03-23T00:00:00Z');
    const next = await meetings.nextMeeting(TEAM, pair.id, clock.now());
    // Berlin moves to summer time on 28 March 2027: 10:00 is 09:00Z before, 08:00Z after.
    expect(next?.scheduled_at.toISOString()).toBe('2027-03-29T08:00:00.000Z');
  });

  it('plans nothing after the planned end', async () => {
    const pair = await newPair({ cadence: 'monthly', firstDate: '2026-12-01', months: 3 });
    clock.set('2027-03-02T00:00:00Z');
    expect(await meetings.nextMeeting(TEAM, pair.id, clock.now())).toBeNull();
    clock.set('2027-02-15T00:00:00Z');
    expect((await meetings.nextMeeting(TEAM, pair.id, clock.now()))?.scheduled_at.toISOString()).toBe('2027-03-01T09:00:00.000Z');
  });

  it('plans every other pair when one pair has a broken rule, and reports that one', async () => {
    const broken = await newPair();
    const healthy = await newPair();
    await db.kysely.updateTable('pairs').set({ time_zone: 'Moon/Base' }).where('id', '=', broken.id).execute();
    clock.set('2026-12-02T00:00:00Z');
    const result = await meetings.ensureUpcoming(clock.now());
    expect(result.failed).toEqual([broken.id]);
    expect((await rowsOf(healthy.id)).map((r) => r.sequence)).toEqual([0, 1]);
    await db.kysely.updateTable('pairs').set({ status: 'paused' }).where('id', '=', broken.id).execute();
  });

  it('leaves paused pairs alone', async () => {
    const pair = await newPair();
    await db.kysely.updateTable('pairs').set({ status: 'paused' }).where('id', '=', pair.id).execute();
    clock.set('2026-12-20T00:00:00Z');
    await meetings.ensureUpcoming(clock.now());
    expect(await rowsOf(pair.id)).toHaveLength(1);
  });
});

describe('MeetingsService.skip', () => {
  it("makes the following occurrence the next meeting and cancels the skipped one's unsent reminders", async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    await queueReminder(pair, first!.id, `skip-${pair.id}`);
    const result = await changes.skip(as(pair.mentee_id), first!.id);
    expect(result.meeting.status).toBe('skipped');
    expect(result.next?.scheduled_at.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(await reminderState(`skip-${pair.id}`)).toBe('cancelled');
  });

  it('refuses anyone outside the pair and changes nothing', async () => {
    const pair = await newPair();
    const other = await newPair();
    const [first] = await rowsOf(pair.id);
    await expect(changes.skip(as(other.mentor_id), first!.id)).rejects.toMatchObject({ code: 'not_in_pair' });
    await expect(changes.skip(as(pair.mentor_id), 'not-a-uuid')).rejects.toBeInstanceOf(DomainError);
    expect((await rowsOf(pair.id))[0]?.status).toBe('scheduled');
  });
});

describe('MeetingsService.reschedule', () => {
  it("moves the meeting in the pair's zone, keeps its sequence, remembers the original time and cancels its reminders", async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    await queueReminder(pair, first!.id, `move-${pair.id}`);
    const result = await changes.reschedule(as(pair.mentor_id), first!.id, { date: '2026-12-03', time: '15:30' });
    if (!result.ok || !result.moved) throw new Error(JSON.stringify(result));
    expect(result.meeting).toMatchObject({ sequence: 0, scheduled_at: new Date('2026-12-03T14:30:00Z'), rescheduled_from: new Date('2026-12-01T09:00:00Z') });
    expect(await reminderState(`move-${pair.id}`)).toBe('cancelled');
    // Once it is over, the rule's next occurrence follows; the moved meeting is not planned twice.
    clock.set('2026-12-04T00:00:00Z');
    await meetings.ensureUpcoming(clock.now());
    expect((await rowsOf(pair.id)).map((r) => r.sequence)).toEqual([0, 1]);
  });

  it('refuses a time in the past, on the time field when the date is today', async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    const today = await changes.reschedule(as(pair.mentor_id), first!.id, { date: '2026-11-22', time: '08:00' });
    expect(today).toEqual({ ok: false, errors: { time: expect.stringMatching(/in the future/) } });
    const earlier = await changes.reschedule(as(pair.mentor_id), first!.id, { date: '2026-11-01', time: '10:00' });
    expect(earlier).toEqual({ ok: false, errors: { date: expect.stringMatching(/in the future/) } });
    expect((await rowsOf(pair.id))[0]?.scheduled_at.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('refuses to skip or move a meeting that has ended: it can only get its notes', async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    // The first meeting is 1 Dec 2026 at 09:00Z for 45 minutes: over at 09:45Z, while nobody recorded notes.
    clock.set(new Date('2026-12-01T09:46:00Z'));
    try {
      await expect(changes.skip(as(pair.mentor_id), first!.id)).rejects.toMatchObject({ code: 'meeting_over' });
      await expect(changes.reschedule(as(pair.mentee_id), first!.id, { date: '2026-12-03', time: '10:00' })).rejects.toMatchObject({ code: 'meeting_over' });
      await expect(meetings.reschedulable(as(pair.mentor_id), first!.id)).rejects.toMatchObject({ code: 'meeting_over' });
      expect((await rowsOf(pair.id))[0]).toMatchObject({ status: 'scheduled', scheduled_at: first!.scheduled_at });
      // A minute before its end it could still be moved.
      clock.set(new Date('2026-12-01T09:44:00Z'));
      await expect(meetings.reschedulable(as(pair.mentor_id), first!.id)).resolves.toMatchObject({ meeting: { id: first!.id } });
    } finally {
      clock.set(new Date('2026-11-22T12:00:00Z'));
    }
  });

  it('refuses a meeting that was skipped', async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    await changes.skip(as(pair.mentor_id), first!.id);
    await expect(changes.reschedule(as(pair.mentor_id), first!.id, { date: '2026-12-03', time: '10:00' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('MeetingsService.changeRule', () => {
  it('re-anchors at the upcoming meeting: it keeps its sequence and later ones follow the new rhythm', async () => {
    const pair = await newPair();
    clock.set('2026-12-02T00:00:00Z');
    await db.kysely.updateTable('meetings').set({ status: 'held' }).where('pair_id', '=', pair.id).where('sequence', '=', 0).execute();
    const upcoming = await meetings.nextMeeting(TEAM, pair.id, clock.now());
    expect(upcoming?.sequence).toBe(1);
    await queueReminder(pair, upcoming!.id, `rule-${pair.id}`);
    const result = await changes.changeRule(as(pair.mentee_id), pair.id, { cadence: 'monthly', time: '16:00', meetingMinutes: 60, fromDate: '2026-12-10' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.next).toMatchObject({ id: upcoming!.id, sequence: 1, scheduled_at: new Date('2026-12-10T15:00:00Z'), duration_minutes: 60 });
    expect(result.pair).toMatchObject({ cadence: 'monthly', meeting_time: '16:00', anchor_sequence: 1, first_meeting_on: '2026-12-10' });
    expect(await reminderState(`rule-${pair.id}`)).toBe('cancelled');
    clock.set('2026-12-11T00:00:00Z');
    const following = await meetings.nextMeeting(TEAM, pair.id, clock.now());
    expect(following).toMatchObject({ sequence: 2, scheduled_at: new Date('2027-01-10T15:00:00Z'), duration_minutes: 60 });
  });

  it('refuses a first meeting in the past or after the planned end', async () => {
    const pair = await newPair();
    const past = await changes.changeRule(as(pair.mentor_id), pair.id, { cadence: 'weekly', time: '10:00', meetingMinutes: 45, fromDate: '2026-11-20' });
    expect(past).toEqual({ ok: false, errors: { fromDate: expect.stringMatching(/future/) } });
    const late = await changes.changeRule(as(pair.mentor_id), pair.id, { cadence: 'weekly', time: '10:00', meetingMinutes: 45, fromDate: '2027-09-01' });
    expect(late).toEqual({ ok: false, errors: { fromDate: expect.stringMatching(/planned end/) } });
  });

  it('never lets a planner that read the old rule insert a meeting at the old time', async () => {
    const pair = await newPair();
    clock.set('2026-12-02T00:00:00Z');
    await db.kysely.updateTable('meetings').set({ status: 'held' }).where('pair_id', '=', pair.id).execute();
    // The planner read the pair before the change...
    const stale = await db.kysely.selectFrom('pairs').selectAll().where('id', '=', pair.id).executeTakeFirstOrThrow();
    await changes.changeRule(as(pair.mentor_id), pair.id, { cadence: 'weekly', time: '18:00', meetingMinutes: 45, fromDate: '2026-12-09' });
    // ...and inserts afterwards: the guard drops its row.
    await insertPlannedMeetings(db.kysely, [{ pair: stale, sequence: 2, at: new Date('2026-12-15T09:00:00Z') }]);
    const rows = await rowsOf(pair.id);
    expect(rows.map((r) => r.scheduled_at.toISOString())).not.toContain('2026-12-15T09:00:00.000Z');
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from meetings where pair_id = ${pair.id} and status = 'scheduled'`.execute(
      db.kysely,
    );
    expect(count[0]?.n).toBe(1);
  });

  // PGlite runs one connection at a time, so two transactions can only overlap on PostgreSQL.
  const onPostgres = testDbKind() === 'postgres' ? it : it.skip;
  onPostgres('makes a planner blocked behind a rhythm change re-check the rule once the change commits', async () => {
    const pair = await newPair();
    clock.set('2026-12-02T00:00:00Z');
    await db.kysely.updateTable('meetings').set({ status: 'held' }).where('pair_id', '=', pair.id).execute();
    const stale = await db.kysely.selectFrom('pairs').selectAll().where('id', '=', pair.id).executeTakeFirstOrThrow();
    let locked!: () => void;
    let release!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const change = db.kysely.transaction().execute(async (tx) => {
      await tx.selectFrom('pairs').select('id').where('id', '=', pair.id).forUpdate().execute();
      await tx.updateTable('pairs').set({ meeting_time: '18:00' }).where('id', '=', pair.id).execute();
      locked();
      await released;
    });
    await lockTaken;
    const planning = insertPlannedMeetings(db.kysely, [{ pair: stale, sequence: 1, at: new Date('2026-12-08T09:00:00Z') }]);
    // The insert is really waiting on the pair's lock, not merely slow.
    await eventually(async () => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
      return (rows[0]?.n ?? 0) > 0;
    });
    release();
    await Promise.all([change, planning]);
    expect((await rowsOf(pair.id)).map((r) => r.sequence)).toEqual([0]);
  });
});

describe('what reminders and the Home tab read', () => {
  it('lists open action items by due date, undated last, and gives the agenda of a meeting without a member check', async () => {
    const pair = await newPair();
    const [first] = await rowsOf(pair.id);
    const agendas = new AgendaService(db.kysely, clock.now, createEffectsRecorder(clock.now));
    const notes = new NotesService(db.kysely, clock.now, createEffectsRecorder(clock.now));
    await agendas.save(as(pair.mentee_id), first!.id, {
      topics: ['Retro'],
      questions: [],
      materials: [],
      carryActionItemIds: [],
      carryFollowUpIds: [],
      wrapUp: [],
    });
    expect((await agendas.forMeeting(TEAM, first!.id))?.items.map((i) => i.body)).toEqual(['Retro']);
    expect(await agendas.forMeeting(TEAM, 'nope')).toBeNull();
    clock.set('2026-12-01T10:00:00Z');
    const recorded = await notes.record(as(pair.mentor_id), first!.id, {
      takeaways: 'ok',
      actionItems: 'me: undated\nmentee: later by 2026-12-20\nmentee: sooner by 2026-12-05',
      feedbackReceived: null,
      feedbackApplication: null,
      coveredIds: [],
    });
    expect(recorded.ok).toBe(true);
    expect((await meetings.openActionItems(pair.id)).map((i) => i.body)).toEqual(['sooner', 'later', 'undated']);
  });
});
