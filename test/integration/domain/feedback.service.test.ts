import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import type { Pair } from '../../../src/db/schema';
import { FeedbackService } from '../../../src/domain/feedback/feedback.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { DomainError } from '../../../src/errors';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { createTestDb } from '../../support/test-db';

const now = new Date('2026-11-23T12:00:00Z');
const clock = () => new Date(now);
let db: Db;
let feedback: FeedbackService;
let pair: Pair;

const person = (userId: string) => ({ userId, displayName: userId, timeZone: 'Europe/Berlin', isBot: false, deleted: false });

async function makePair(mentorId: string, menteeId: string): Promise<Pair> {
  const pairs = new PairsService(db.kysely, clock, createEffectsRecorder(clock));
  const result = await pairs.create(
    {
      teamId: 'T1',
      createdBy: mentorId,
      mentorId,
      menteeId,
      goalsChannelId: 'CG',
      cadence: 'weekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: person(mentorId), mentee: person(menteeId) },
  );
  if (!result.ok) throw new Error('pair');
  return result.pair;
}

async function meeting(p: Pair, sequence: number, at: string, status = 'scheduled'): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, status)
    values ('T1', ${p.id}, ${sequence}, ${at}::timestamptz, 45, ${status}) returning id`.execute(db.kysely);
  return rows[0]!.id;
}

const as = (userId: string) => ({ teamId: 'T1', userId });
const ask = (area = 'demos', requesterId = 'UMENTEE') => feedback.request(as(requesterId), { pairId: pair.id, area, question: null });

beforeAll(async () => {
  db = await createTestDb();
  feedback = new FeedbackService(db.kysely, clock, createEffectsRecorder(clock));
  pair = await makePair('UMENTOR', 'UMENTEE');
  await makePair('UOTHER', 'UPEER');
});
afterAll(() => db.close());

describe('FeedbackService', () => {
  it('links a request to the scheduled meeting nearest in time, a just-started one over the next', async () => {
    const current = await meeting(pair, 1, '2026-11-23T11:30:00Z');
    await meeting(pair, 2, '2026-11-23T20:00:00Z');
    await meeting(pair, 3, '2026-11-23T12:10:00Z', 'cancelled');
    const result = await ask();
    expect(result.ok && result.item.meetingId).toBe(current);
    const row = await db.kysely
      .selectFrom('feedback_requests')
      .select('meeting_id')
      .where('id', '=', result.ok ? result.item.id : '')
      .executeTakeFirstOrThrow();
    expect(row.meeting_id).toBe(current);
    await sql`delete from meetings where sequence > 0`.execute(db.kysely);
  });

  it('asks the other person of the pair, whichever side asks', async () => {
    const byMentor = await ask('delegation', 'UMENTOR');
    expect(byMentor.ok && byMentor.item.responderId).toBe('UMENTEE');
  });

  it('refuses someone outside the pair', async () => {
    await expect(ask('x', 'UOTHER')).rejects.toMatchObject({ code: 'not_in_pair' });
  });

  it('stores exactly one answer when two arrive at once', async () => {
    const asked = await ask('concurrency');
    if (!asked.ok) throw new Error('ask');
    const answer = (text: string) => feedback.answer(as('UMENTOR'), { requestId: asked.item.id, answer: text, source: null });
    const results = await Promise.allSettled([answer('first'), answer('second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    const row = await db.kysely.selectFrom('feedback_requests').select(['answer', 'status']).where('id', '=', asked.item.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('answered');
    expect(['first', 'second']).toContain(row.answer);
  });

  it('lets only the mentee who asked report how they applied an answer, once', async () => {
    const asked = await ask('one-on-ones');
    if (!asked.ok) throw new Error('ask');
    const id = asked.item.id;
    await expect(feedback.openForApplication(as('UMENTEE'), id)).rejects.toMatchObject({ code: 'conflict' });
    await feedback.answer(as('UMENTOR'), { requestId: id, answer: 'Listen more', source: null });
    await expect(feedback.openForApplication(as('UMENTOR'), id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(feedback.openForApplication(as('UOTHER'), id)).rejects.toMatchObject({ code: 'not_found' });
    const applied = await feedback.reportApplication(as('UMENTEE'), { requestId: id, application: 'Listened', source: null });
    expect(applied.ok && applied.item.appliedAt).toEqual(now);
    const status = await db.kysely.selectFrom('feedback_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(status.status).toBe('applied');
    await expect(feedback.reportApplication(as('UMENTEE'), { requestId: id, application: 'Again', source: null })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists what waits on each person, and nothing of other pairs', async () => {
    const inboxMentor = await feedback.inbox(as('UMENTOR'));
    expect(inboxMentor.toAnswer.map((r) => r.area)).toEqual(expect.arrayContaining(['demos']));
    expect(inboxMentor.toAnswer.every((r) => r.responderId === 'UMENTOR' && r.answeredAt === null)).toBe(true);
    expect(inboxMentor.toApply).toEqual([]);
    const inboxOther = await feedback.inbox(as('UOTHER'));
    expect(inboxOther).toEqual({ toAnswer: [], toApply: [] });
  });

  it('refuses requests of an ended pair', async () => {
    await sql`update pairs set status = 'ended' where id = ${pair.id}`.execute(db.kysely);
    await expect(ask('late')).rejects.toMatchObject({ code: 'conflict' });
    expect((await feedback.inbox(as('UMENTOR'))).toAnswer).toEqual([]);
    await sql`update pairs set status = 'active' where id = ${pair.id}`.execute(db.kysely);
  });
});
