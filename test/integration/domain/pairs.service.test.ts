import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import type { PairDraft, PickedUser } from '../../../src/domain/pairs/pair-rules';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { createTestDb } from '../../support/test-db';

const now = new Date('2026-11-22T12:00:00Z');
const person = (userId: string): PickedUser => ({ userId, displayName: userId.toLowerCase(), timeZone: 'Europe/Berlin', isBot: false, deleted: false });
const draft = (mentorId: string, menteeId: string): PairDraft => ({
  teamId: 'T1',
  createdBy: mentorId,
  mentorId,
  menteeId,
  goalsChannelId: 'CGOALS',
  cadence: 'biweekly',
  firstDate: '2026-12-01',
  firstTime: '10:00',
  timeZone: 'Europe/Berlin',
  meetingMinutes: 45,
  programMonths: 6,
});

let db: Db;
let service: PairsService;

beforeAll(async () => {
  db = await createTestDb();
  service = new PairsService(
    db.kysely,
    () => now,
    createEffectsRecorder(() => now),
  );
});
afterAll(() => db.close());

describe('PairsService.create', () => {
  it('stores the pair, both people and the first meeting at the zoned instant', async () => {
    const result = await service.create(draft('UA1', 'UB1'), { mentor: person('UA1'), mentee: person('UB1') });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pair).toMatchObject({
      mentor_id: 'UA1',
      mentee_id: 'UB1',
      cadence: 'biweekly',
      meeting_time: '10:00',
      planned_end_on: '2027-06-01',
      status: 'active',
    });
    expect(result.firstMeetingAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const meetings = await db.kysely.selectFrom('meetings').selectAll().where('pair_id', '=', result.pair.id).execute();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]?.scheduled_at.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const people = await db.kysely.selectFrom('people').select(['user_id', 'time_zone']).where('user_id', 'in', ['UA1', 'UB1']).execute();
    expect(people).toHaveLength(2);
  });

  it('refuses a second live pair of the same two people, on the mentee field', async () => {
    await service.create(draft('UA2', 'UB2'), { mentor: person('UA2'), mentee: person('UB2') });
    const again = await service.create(draft('UA2', 'UB2'), { mentor: person('UA2'), mentee: person('UB2') });
    expect(again).toEqual({ ok: false, errors: { mentee: expect.stringMatching(/already mentors/) } });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pairs where mentor_id = 'UA2'`.execute(db.kysely);
    expect(rows[0]?.n).toBe(1);
  });

  it('creates exactly one pair when two identical submissions race', async () => {
    const results = await Promise.all([
      service.create(draft('UA3', 'UB3'), { mentor: person('UA3'), mentee: person('UB3') }),
      service.create(draft('UA3', 'UB3'), { mentor: person('UA3'), mentee: person('UB3') }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pairs where mentor_id = 'UA3'`.execute(db.kysely);
    expect(rows[0]?.n).toBe(1);
  });

  it('changes nothing when the draft is invalid', async () => {
    const result = await service.create({ ...draft('UA4', 'UB4'), firstDate: '2026-01-01' }, { mentor: person('UA4'), mentee: person('UB4') });
    expect(result.ok).toBe(false);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from people where user_id in ('UA4', 'UB4')`.execute(db.kysely);
    expect(rows[0]?.n).toBe(0);
  });

  it('lets a member read the pair and tells anyone else it is not theirs', async () => {
    const created = await service.create(draft('UA5', 'UB5'), { mentor: person('UA5'), mentee: person('UB5') });
    if (!created.ok) throw new Error('setup');
    await expect(service.membership({ teamId: 'T1', userId: 'UB5' }, created.pair.id)).resolves.toMatchObject({
      pair: { id: created.pair.id },
      role: 'mentee',
      otherId: 'UA5',
    });
    await expect(service.membership({ teamId: 'T1', userId: 'USTRANGER' }, created.pair.id)).rejects.toMatchObject({ code: 'not_in_pair' });
    await expect(service.membership({ teamId: 'T2', userId: 'UA5' }, created.pair.id)).rejects.toMatchObject({ code: 'not_in_pair' });
  });
});

describe('schema constraints', () => {
  it('keeps bad rows out: unknown statuses and a pair with itself', async () => {
    await db.kysely.insertInto('workspaces').values({ team_id: 'T9' }).execute();
    await db.kysely
      .insertInto('people')
      .values({ team_id: 'T9', user_id: 'U9', display_name: 'x', dm_channel_id: null, reminders_paused_until: null })
      .execute();
    const base = {
      team_id: 'T9',
      mentor_id: 'U9',
      mentee_id: 'U9',
      goals_channel_id: 'C9',
      cadence: 'weekly' as const,
      meeting_time: '10:00',
      time_zone: 'UTC',
      first_meeting_on: '2026-12-01',
      meeting_minutes: 60,
      started_on: '2026-11-22',
      planned_end_on: '2027-05-01',
      created_by: 'U9',
    };
    await expect(db.kysely.insertInto('pairs').values(base).execute()).rejects.toThrow();
    await expect(
      db.kysely
        .insertInto('pairs')
        .values({ ...base, mentee_id: 'UOTHER' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      sql`insert into outbox (team_id, kind, recipient_id, dedupe_key, due_at, next_attempt_at, state) values ('T9', 'prep', 'U9', 'k', now(), now(), 'bogus')`.execute(
        db.kysely,
      ),
    ).rejects.toThrow();
  });
});

describe('PairsService.alreadyPaired', () => {
  it('names both people of a live pair, null for two people not paired (or whose pair ended)', async () => {
    await service.create(draft('UA5', 'UB5'), { mentor: person('UA5'), mentee: person('UB5') });
    expect(await service.alreadyPaired('T1', 'UA5', 'UB5')).toBe('ua5 already mentors ub5; open /mentorship status to see that pair.');
    expect(await service.alreadyPaired('T1', 'UB5', 'UA5')).toBeNull();
    expect(await service.alreadyPaired('T2', 'UA5', 'UB5')).toBeNull();
    await db.kysely.updateTable('pairs').set({ status: 'ended' }).where('mentor_id', '=', 'UA5').execute();
    expect(await service.alreadyPaired('T1', 'UA5', 'UB5')).toBeNull();
  });
});
