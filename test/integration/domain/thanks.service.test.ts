import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import type { Pair } from '../../../src/db/schema';
import { AppreciationService } from '../../../src/domain/appreciation/appreciation.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { ResourcesService } from '../../../src/domain/resources/resources.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { createTestDb } from '../../support/test-db';

let now = new Date('2026-11-23T12:00:00Z');
const clock = () => new Date(now);
let db: Db;
let pair: Pair;
let thanks: AppreciationService;
let resources: ResourcesService;

const person = (userId: string) => ({ userId, displayName: userId, timeZone: 'Europe/Berlin', isBot: false, deleted: false });

async function meeting(sequence: number, at: string, status: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, status)
    values ('T1', ${pair.id}, ${sequence}, ${at}::timestamptz, 45, ${status}) returning id`.execute(db.kysely);
  return rows[0]!.id;
}
const as = (userId: string) => ({ teamId: 'T1', userId });
const send = () => thanks.send({ teamId: 'T1', userId: 'UMENTEE' }, { pairId: pair.id, message: 'Thanks!' });

beforeAll(async () => {
  db = await createTestDb();
  const result = await new PairsService(db.kysely, clock, createEffectsRecorder(clock)).create(
    {
      teamId: 'T1',
      createdBy: 'UMENTOR',
      mentorId: 'UMENTOR',
      menteeId: 'UMENTEE',
      goalsChannelId: 'CG',
      cadence: 'weekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: person('UMENTOR'), mentee: person('UMENTEE') },
  );
  if (!result.ok) throw new Error('pair');
  pair = result.pair;
  thanks = new AppreciationService(db.kysely, clock, createEffectsRecorder(clock));
  resources = new ResourcesService(db.kysely, clock, createEffectsRecorder(clock));
});
afterAll(() => db.close());
afterEach(async () => {
  await sql`delete from meetings where sequence > 0`.execute(db.kysely);
});

describe('which meeting a thank-you belongs to', () => {
  it('is none before any meeting happened', async () => {
    const result = await send();
    expect(result.ok && result.appreciation.meeting_id).toBeNull();
  });

  it('is the latest held meeting', async () => {
    await meeting(1, '2026-11-09T09:00:00Z', 'held');
    const latest = await meeting(2, '2026-11-16T09:00:00Z', 'held');
    const result = await send();
    expect(result.ok && result.appreciation.meeting_id).toBe(latest);
  });

  it('is the meeting that just ended when nobody has recorded it yet, not a stale unrecorded one', async () => {
    const held = await meeting(1, '2026-11-16T09:00:00Z', 'held');
    await meeting(2, '2026-11-20T09:00:00Z', 'scheduled');
    const stale = await send();
    expect(stale.ok && stale.appreciation.meeting_id).toBe(held);
    const current = await meeting(3, '2026-11-23T11:00:00Z', 'scheduled');
    const result = await send();
    expect(result.ok && result.appreciation.meeting_id).toBe(current);
  });

  it('is never a skipped or future meeting', async () => {
    await meeting(1, '2026-11-23T11:00:00Z', 'skipped');
    await meeting(2, '2026-11-23T13:00:00Z', 'scheduled');
    const result = await send();
    expect(result.ok && result.appreciation.meeting_id).toBeNull();
  });
});

describe('exploration progress between sessions', () => {
  it('counts resources explored since the end of the last held meeting', async () => {
    const add = async (title: string) => {
      const added = await resources.add(as('UMENTEE'), { pairId: pair.id, title, url: null, kind: 'article', recommendedBy: 'other' });
      if (!added.ok) throw new Error('add');
      return added.resource.id;
    };
    const [a, b, c] = [await add('a'), await add('b'), await add('c')];
    now = new Date('2026-11-20T10:00:00Z');
    await resources.markExplored(as('UMENTEE'), { resourceId: a, takeaway: 'x', source: null });
    await meeting(1, '2026-11-21T09:00:00Z', 'held');
    now = new Date('2026-11-21T09:30:00Z'); // during the meeting: before its end
    await resources.markExplored(as('UMENTOR'), { resourceId: b, takeaway: 'y', source: null });
    now = new Date('2026-11-22T09:00:00Z');
    await resources.markExplored(as('UMENTEE'), { resourceId: c, takeaway: 'z', source: null });
    const overview = await resources.overview(as('UMENTOR'), pair.id, 10);
    expect(overview.progress).toMatchObject({ explored: 1, target: 2, sinceMeeting: true });
    expect(overview.progress.since.toISOString()).toBe('2026-11-21T09:45:00.000Z');
    expect(overview.total).toBe(3);
    now = new Date('2026-11-23T12:00:00Z');
  });
});
