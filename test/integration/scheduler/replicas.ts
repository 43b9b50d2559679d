import pino from 'pino';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { createDb, type Db } from '../../../src/db/create-db';
import type { Database } from '../../../src/db/schema';
import type { NoticeHooks } from '../../../src/domain/notices/notice';
import { type SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { MeetingsService } from '../../../src/domain/meetings/meetings.service';
import { meetingsServiceSource } from '../../../src/domain/reminders/meeting-source';
import { Scheduler, type SchedulerSettings } from '../../../src/scheduler/scheduler';
import { createReminderClient, type ReminderSlack, webClientReminderSlack } from '../../../src/scheduler/slack-gateway';
import { anyTeamSlack } from '../../../src/scheduler/team-slack';

export const RACE_TEAM = 'T0RACE';
export const RACE_TOKEN = 'xoxb-race';
/** 15:00-16:00 Berlin; the pairs' thanks prompts are due at the end. */
export const MEETING_AT = new Date('2026-12-01T14:00:00Z');
export const AFTER_END = new Date('2026-12-01T15:05:00Z');

/**
 * Pairs written straight into the database (people with their DM channels already stored), and the
 * same people in the stand-in: the scheduler alone is under test here, not the pair modal.
 */
export async function seedPairs(db: Kysely<Database>, standIn: SlackStandIn, count: number, team = RACE_TEAM): Promise<void> {
  await sql`insert into workspaces (team_id) values (${team}) on conflict do nothing`.execute(db);
  const prefix = team.slice(-2);
  for (let i = 0; i < count; i += 1) {
    const mentor = `U${prefix}${i}M`;
    const mentee = `U${prefix}${i}E`;
    standIn.addUser({ id: mentor, name: `mentor${i}`, tz: 'Europe/Berlin' });
    standIn.addUser({ id: mentee, name: `mentee${i}`, tz: 'Europe/Berlin' });
    await db
      .insertInto('people')
      .values(
        [mentor, mentee].map((id) => ({
          team_id: team,
          user_id: id,
          display_name: id,
          time_zone: 'Europe/Berlin',
          dm_channel_id: `D${id}`,
          reminders_paused_until: null,
        })),
      )
      .execute();
    const pair = await db
      .insertInto('pairs')
      .values({
        team_id: team,
        mentor_id: mentor,
        mentee_id: mentee,
        goals_channel_id: 'CGOALS',
        cadence: 'weekly',
        meeting_time: '15:00',
        time_zone: 'Europe/Berlin',
        first_meeting_on: '2026-12-01',
        meeting_minutes: 60,
        started_on: '2026-11-20',
        planned_end_on: '2027-05-01',
        created_by: mentor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meetings')
      .values({
        team_id: team,
        pair_id: pair.id,
        sequence: 0,
        scheduled_at: MEETING_AT,
        duration_minutes: 60,
        rescheduled_from: null,
        feedback_focus: null,
        shared_highlight: null,
        takeaways: null,
        feedback_received: null,
        feedback_application: null,
        notes_recorded_by: null,
        notes_recorded_at: null,
        agenda_shared_at: null,
      })
      .execute();
  }
}

export interface Replica {
  db: Db;
  scheduler: Scheduler;
}

/** A replica: its own connection pool and its own Scheduler, on the same database as the others. */
export interface ReplicaExtras {
  noticeHooks?: NoticeHooks;
  /** Wraps the replica's Slack gateway (a test holding replicas at a barrier). */
  wrapSlack?: (slack: ReminderSlack) => ReminderSlack;
}

export async function startReplica(
  url: string,
  standIn: SlackStandIn,
  name: string,
  settings: Partial<SchedulerSettings> = {},
  extras: ReplicaExtras = {},
): Promise<Replica> {
  const db = await createDb({ kind: 'postgres', url }, { poolSize: 4 });
  return { db, scheduler: replicaScheduler(db.kysely, standIn, name, settings, extras) };
}

/** A Scheduler talking to the stand-in, on any database (PGlite included). */
export function replicaScheduler(
  db: Kysely<Database>,
  standIn: SlackStandIn,
  name: string,
  settings: Partial<SchedulerSettings> = {},
  extras: ReplicaExtras = {},
): Scheduler {
  const client = createReminderClient({ token: RACE_TOKEN, apiUrl: standIn.apiUrl, timeoutMs: settings.sendTimeoutMs ?? 2_000 });
  const slack = webClientReminderSlack(client);
  return new Scheduler({
    db,
    slack: anyTeamSlack(extras.wrapSlack ? extras.wrapSlack(slack) : slack),
    meetings: meetingsServiceSource(new MeetingsService(db, () => new Date())),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    settings: { replica: name, rate: { perSecond: 10_000, burst: 10_000 }, sendTimeoutMs: 2_000, ...settings },
    noticeHooks: extras.noticeHooks,
  });
}

/** How many messages each reminder produced in the people's DMs (what they would see). */
export function postsPerReminder(standIn: SlackStandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of standIn.allMessages()) {
    const id = message.metadata?.event_payload?.reminder_id;
    if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export const at =
  (instant: Date, plusMs = 0) =>
  () =>
    new Date(instant.getTime() + plusMs);

/**
 * Holds each replica at its first post (just after its first claim) until `parties` replicas are
 * there: a race in which every replica has really claimed rows, whatever the scheduling. Gives up
 * waiting after `timeoutMs` (the test then fails on what it counts, instead of hanging).
 */
export function claimBarrier(parties: number, timeoutMs = 20_000): (slack: ReminderSlack) => ReminderSlack {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const timer = setTimeout(open, timeoutMs);
  return (slack) => {
    let first = true;
    return {
      ...slack,
      post: async (...args) => {
        if (first) {
          first = false;
          arrived += 1;
          if (arrived === parties) {
            clearTimeout(timer);
            open();
          }
          await opened;
        }
        return slack.post(...args);
      },
    };
  };
}
