import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import type { Pair } from '../../../src/db/schema';
import { FeedbackService } from '../../../src/domain/feedback/feedback.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { DomainError } from '../../../src/errors';
import { createTestDb } from '../../support/test-db';

const now = new Date('2026-11-23T12:00:00Z');
const clock = () => new Date(now);
let db: Db;
let feedback: FeedbackService;
let pair: Pair;

const person = (userId: string) => ({ userId, displayName: userId, timeZone: 'Europe/Berlin', isBot: false, deleted: false });

async function makePair(mentorId: string, menteeId: string): Promise<Pair> {
  const pairs = new PairsService(db.kysely, clock);
  const result = await pairs.create(
    { teamId: 'T1', createdBy: mentorId, mentorId, menteeId, goalsChannelId: 'CG', cadence: 'weekly', firstDate: '2026-12-01', firstTime: '10:00', timeZone: 'Europe/Berlin', meetingMinutes: 45, programMonths: 6 },
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

const ask = (area = 'demos', requesterId = 'UMENTEE') => feedback.request({ teamId: 'T1', pairId: pair.id, requesterId, area, question: null });

beforeAll(async () => {
  db = await createTestDb();
  feedback = new FeedbackService(db.kysely, clock);
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
    expect(result.ok && result.meeting?.id).toBe(current);
    expect(result.ok && result.request.meeting_id).toBe(current);
    await sql`delete from meetings where sequence > 0`.execute(db.kysely);
  });

  it('asks the other person of the pair, whichever side asks', async () => {
    const byMentor = await ask('delegation', 'UMENTOR');
    expect(byMentor.ok && byMentor.request.responder_id).toBe('UMENTEE');
  });

  it('refuses someone outside the pair', async () => {
    await expect(ask('x', 'UOTHER')).rejects.toMatchObject({ code: 'not_in_pair' });
  });

  it('stores exactly one answer when two arrive at once', async () => {
    const asked = await ask('concurrency');
    if (!asked.ok) throw new Error('ask');
    const answer = (text: string) => feedback.answer({ teamId: 'T1', requestId: asked.request.id, userId: 'UMENTOR', answer: text });
    const results = await Promise.allSettled([answer('first'), answer('second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    const row = await db.kysely.selectFrom('feedback_requests').select(['answer', 'status']).where('id', '=', asked.request.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('answered');
    expect(['first', 'second']).toContain(row.answer);
  });

  it('lets only the mentee who asked report how they applied an answer, once', async () => {
    const asked = await ask('one-on-ones');
    if (!asked.ok) throw new Error('ask');
    const id = asked.request.id;
    await expect(feedback.openForApplication('T1', id, 'UMENTEE')).rejects.toMatchObject({ code: 'conflict' });
    await feedback.answer({ teamId: 'T1', requestId: id, userId: 'UMENTOR', answer: 'Listen more' });
    await expect(feedback.openForApplication('T1', id, 'UMENTOR')).rejects.toMatchObject({ code: 'not_found' });
    await expect(feedback.openForApplication('T1', id, 'UOTHER')).rejects.toMatchObject({ code: 'not_found' });
    const applied = await feedback.reportApplication({ teamId: 'T1', requestId: id, userId: 'UMENTEE', application: 'Listened' });
    expect(applied.ok && applied.request.status).toBe('applied');
    await expect(feedback.reportApplication({ teamId: 'T1', requestId: id, userId: 'UMENTEE', application: 'Again' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists what waits on each person, and nothing of other pairs', async () => {
    const inboxMentor = await feedback.inbox('T1', 'UMENTOR');
    expect(inboxMentor.toAnswer.map((r) => r.area)).toEqual(expect.arrayContaining(['demos']));
    expect(inboxMentor.toAnswer.every((r) => r.responder_id === 'UMENTOR' && r.status === 'requested')).toBe(true);
    expect(inboxMentor.toApply).toEqual([]);
    const inboxOther = await feedback.inbox('T1', 'UOTHER');
    expect(inboxOther).toEqual({ toAnswer: [], toApply: [] });
  });

  it('refuses requests of an ended pair', async () => {
    await sql`update pairs set status = 'ended' where id = ${pair.id}`.execute(db.kysely);
    await expect(ask('late')).rejects.toMatchObject({ code: 'conflict' });
    expect((await feedback.inbox('T1', 'UMENTOR')).toAnswer).toEqual([]);
    await sql`update pairs set status = 'active' where id = ${pair.id}`.execute(db.kysely);
  });
});
