import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { feedbackStoreOn } from '../../../src/domain/feedback/feedback.db-store';
import { FeedbackService } from '../../../src/domain/feedback/feedback.service';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { feedbackServiceSpec, SPEC_NOW } from '../../support/specs/feedback-service.spec';
import { createTestDb } from '../../support/test-db';

/** The feedback flow's shared spec on the real database (the same spec runs in memory in test/unit). */
const clock = () => new Date(SPEC_NOW);
const person = (userId: string) => ({ userId, displayName: userId, timeZone: 'Europe/Berlin', isBot: false, deleted: false });
let db: Db;

afterAll(() => db.close());

describe('FeedbackService on the database', () => {
  feedbackServiceSpec(async () => {
    db = await createTestDb();
    const pairs = new PairsService(db.kysely, clock, createEffectsRecorder(clock));
    return {
      service: new FeedbackService(feedbackStoreOn(db.kysely, createEffectsRecorder(clock)), clock),
      async pair(mentorId, menteeId) {
        const input = { teamId: 'T1', createdBy: mentorId, mentorId, menteeId, goalsChannelId: 'CG', cadence: 'weekly' as const };
        const schedule = { firstDate: '2026-12-01', firstTime: '10:00', timeZone: 'Europe/Berlin', meetingMinutes: 45, programMonths: 6 };
        const result = await pairs.create({ ...input, ...schedule }, { mentor: person(mentorId), mentee: person(menteeId) });
        if (!result.ok) throw new Error('pair');
        return result.pair;
      },
      async meeting(pairId, sequence, at, status = 'scheduled') {
        const { rows } = await sql<{ id: string }>`insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, status)
          values ('T1', ${pairId}, ${sequence}, ${at}::timestamptz, 45, ${status}) returning id`.execute(db.kysely);
        return rows[0]!.id;
      },
      async setPairStatus(pairId, status) {
        await db.kysely.updateTable('pairs').set({ status }).where('id', '=', pairId).execute();
      },
      stored: (requestId) => db.kysely.selectFrom('feedback_requests').selectAll().where('id', '=', requestId).executeTakeFirst(),
      focusOf: async (meetingId) =>
        (await db.kysely.selectFrom('meetings').select('feedback_focus').where('id', '=', meetingId).executeTakeFirst())?.feedback_focus ?? null,
      async clearMeetings() {
        await sql`delete from meetings where sequence > 0`.execute(db.kysely);
      },
    };
  });
});
