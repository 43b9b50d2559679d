import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/types';
import type { FeedbackRequestsTable, Meeting } from '../../db/schema';

export type FeedbackRequest = Selectable<FeedbackRequestsTable>;
export type NewFeedbackRequest = Insertable<FeedbackRequestsTable>;

export async function insertFeedbackRequest(db: Executor, row: NewFeedbackRequest): Promise<FeedbackRequest> {
  return db.insertInto('feedback_requests').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findFeedbackRequest(db: Executor, teamId: string, id: string): Promise<FeedbackRequest | undefined> {
  return db.selectFrom('feedback_requests').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/**
 * Guarded on the status it moves from, so two submissions of the same answer modal (a double click,
 * two devices) store one answer: the second updates no row.
 */
export async function saveAnswer(
  db: Executor,
  input: { teamId: string; id: string; responderId: string; answer: string; at: Date },
): Promise<FeedbackRequest | undefined> {
  return db
    .updateTable('feedback_requests')
    .set({ status: 'answered', answer: input.answer, answered_at: input.at })
    .where('team_id', '=', input.teamId)
    .where('id', '=', input.id)
    .where('responder_id', '=', input.responderId)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst();
}

export async function saveApplication(
  db: Executor,
  input: { teamId: string; id: string; requesterId: string; application: string; at: Date },
): Promise<FeedbackRequest | undefined> {
  return db
    .updateTable('feedback_requests')
    .set({ status: 'applied', application: input.application, applied_at: input.at })
    .where('team_id', '=', input.teamId)
    .where('id', '=', input.id)
    .where('requester_id', '=', input.requesterId)
    .where('status', '=', 'answered')
    .returningAll()
    .executeTakeFirst();
}

/** Guarded like the answer: only an answered request, only by the person who asked, only once. */
export async function saveExampleAsked(
  db: Executor,
  input: { teamId: string; id: string; requesterId: string; at: Date },
): Promise<FeedbackRequest | undefined> {
  return db
    .updateTable('feedback_requests')
    .set({ example_asked_at: input.at })
    .where('team_id', '=', input.teamId)
    .where('id', '=', input.id)
    .where('requester_id', '=', input.requesterId)
    .where('answer', 'is not', null)
    .where('example_asked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Only once asked, only by the person who answered, only once. */
export async function saveExample(
  db: Executor,
  input: { teamId: string; id: string; responderId: string; example: string; at: Date },
): Promise<FeedbackRequest | undefined> {
  return db
    .updateTable('feedback_requests')
    .set({ example: input.example, example_given_at: input.at })
    .where('team_id', '=', input.teamId)
    .where('id', '=', input.id)
    .where('responder_id', '=', input.responderId)
    .where('example_asked_at', 'is not', null)
    .where('example_given_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Requests waiting for this person's answer, in pairs that have not ended, oldest first. */
export async function listAwaitingAnswer(db: Executor, teamId: string, userId: string, limit: number): Promise<FeedbackRequest[]> {
  return db
    .selectFrom('feedback_requests as f')
    .innerJoin('pairs as p', (join) => join.onRef('p.id', '=', 'f.pair_id').onRef('p.team_id', '=', 'f.team_id'))
    .selectAll('f')
    .where('f.team_id', '=', teamId)
    .where('f.responder_id', '=', userId)
    .where('f.status', '=', 'requested')
    .where('p.status', '<>', 'ended')
    .orderBy('f.created_at')
    .limit(limit)
    .execute();
}

/** Answers this person (as the mentee who asked) has not yet said how they applied, oldest first. */
export async function listAwaitingApplication(db: Executor, teamId: string, userId: string, limit: number): Promise<FeedbackRequest[]> {
  return db
    .selectFrom('feedback_requests as f')
    .innerJoin('pairs as p', (join) => join.onRef('p.id', '=', 'f.pair_id').onRef('p.team_id', '=', 'f.team_id'))
    .selectAll('f')
    .where('f.team_id', '=', teamId)
    .where('f.requester_id', '=', userId)
    .where('p.mentee_id', '=', userId)
    .where('f.status', '=', 'answered')
    .where('p.status', '<>', 'ended')
    .orderBy('f.answered_at')
    .limit(limit)
    .execute();
}

/**
 * The meeting a request belongs to: the pair's scheduled meeting nearest in time, before or after,
 * so a request made during a meeting or just before it joins that one rather than the next.
 */
export async function findNearestScheduledMeeting(db: Executor, teamId: string, pairId: string, now: Date): Promise<Meeting | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId)
    .where('status', '=', 'scheduled')
    .orderBy(sql`abs(extract(epoch from (scheduled_at - ${now.toISOString()}::timestamptz)))`)
    .orderBy('scheduled_at')
    .limit(1)
    .executeTakeFirst();
}

/** The mentee's unanswered request tied to a meeting (the oldest), which the agenda's feedback focus stands for. */
export async function findOpenMeetingRequest(db: Executor, meetingId: string, requesterId: string): Promise<FeedbackRequest | undefined> {
  return db
    .selectFrom('feedback_requests')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('requester_id', '=', requesterId)
    .where('status', '=', 'requested')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** A request's area and question, while it is unanswered. */
export async function setRequestArea(db: Executor, id: string, area: string, question: string): Promise<void> {
  await db.updateTable('feedback_requests').set({ area, question }).where('id', '=', id).where('status', '=', 'requested').execute();
}

/** The agenda's feedback focus, from a request for the meeting, only while the agenda names none. */
export async function fillEmptyFeedbackFocus(db: Executor, meetingId: string, area: string): Promise<void> {
  await db.updateTable('meetings').set({ feedback_focus: area }).where('id', '=', meetingId).where('feedback_focus', 'is', null).execute();
}
