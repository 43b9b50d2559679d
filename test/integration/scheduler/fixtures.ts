import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../../src/db/schema';
import type { PairsService } from '../../../src/domain/pairs/pairs.service';
import { CHANNELS, TEAM_ID, USERS } from '../../support/harness';

/** A pair created through the real service (as the pair modal does), meeting in Berlin at `time`. */
export async function createPair(
  pairs: PairsService,
  options: {
    firstDate?: string;
    time?: string;
    zone?: string;
    cadence?: 'weekly' | 'biweekly' | 'monthly';
    mentor?: keyof typeof USERS;
    mentee?: keyof typeof USERS;
    teamId?: string;
    minutes?: number;
  } = {},
): Promise<Pair> {
  const mentor = USERS[options.mentor ?? 'mentor'];
  const mentee = USERS[options.mentee ?? 'mentee'];
  const result = await pairs.create(
    {
      teamId: options.teamId ?? TEAM_ID,
      createdBy: mentor.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      goalsChannelId: CHANNELS.goals.id,
      cadence: options.cadence ?? 'weekly',
      firstDate: options.firstDate ?? '2026-12-01',
      firstTime: options.time ?? '15:00',
      timeZone: options.zone ?? 'Europe/Berlin',
      meetingMinutes: options.minutes ?? 60,
      programMonths: 6,
    },
    {
      mentor: { userId: mentor.id, displayName: mentor.name, timeZone: mentor.tz, isBot: false, deleted: false },
      mentee: { userId: mentee.id, displayName: mentee.name, timeZone: mentee.tz, isBot: false, deleted: false },
    },
  );
  if (!result.ok) throw new Error(`pair not created: ${JSON.stringify(result.errors)}`);
  return result.pair;
}

export async function outboxRows(db: Kysely<Database>, where: { kind?: string; recipient?: string } = {}) {
  let query = db.selectFrom('outbox').selectAll().orderBy('due_at');
  if (where.kind) query = query.where('kind', '=', where.kind);
  if (where.recipient) query = query.where('recipient_id', '=', where.recipient);
  return query.execute();
}

export async function firstMeeting(db: Kysely<Database>, pairId: string) {
  return db.selectFrom('meetings').selectAll().where('pair_id', '=', pairId).orderBy('sequence').executeTakeFirstOrThrow();
}

export async function truncateAll(db: Kysely<Database>): Promise<void> {
  await sql`truncate workspaces cascade`.execute(db);
}

/** The reminder a DM carries (metadata the dispatcher stamps on every post). */
export const reminderIdOf = (message: { metadata?: Record<string, any> }): string | undefined => message.metadata?.event_payload?.reminder_id;

/** An open action item of the mentee's, written by the mentor (as the notes modal would). */
export async function openActionItem(db: Kysely<Database>, pairId: string, body: string, dueOn: string | null = null): Promise<string> {
  const row = await db
    .insertInto('action_items')
    .values({
      team_id: TEAM_ID,
      pair_id: pairId,
      meeting_id: null,
      owner_id: USERS.mentee.id,
      body,
      due_on: dueOn,
      done_at: null,
      done_by: null,
      created_by: USERS.mentor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
