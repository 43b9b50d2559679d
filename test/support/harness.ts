import pino from 'pino';
import type { Logger } from '../../src/logger';
import type { Db } from '../../src/db/create-db';
import { SlackDriver } from '../../src/devtools/slack-driver';
import { SlackStandIn, type StoredMessage } from '../../src/devtools/slack-stand-in';
import { startLocalBot, type LocalBot, type LocalBotOptions } from '../../src/devtools/local-bot';
import { TestClock } from './clock';
import { createTestDb } from './test-db';
import { settled } from './wait';

export const TEAM_ID = 'T0TEST';
export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';
/** The app's credentials in multi-workspace mode (`startHarness({ oauth: true })`). */
export const OAUTH = { clientId: '1111.2222', clientSecret: 'test-client-secret', stateSecret: 'test-state-secret-of-32-characters' } as const;

/** People and channels every integration test can use. */
export const USERS = {
  mentor: { id: 'UMENTOR', name: 'maria', realName: 'Maria Mentor', tz: 'Europe/Berlin' },
  mentee: { id: 'UMENTEE', name: 'theo', realName: 'Theo Mentee', tz: 'America/New_York' },
  stranger: { id: 'USTRANGER', name: 'sam', realName: 'Sam Stranger', tz: 'Asia/Tokyo' },
  other: { id: 'UOTHER', name: 'olga', realName: 'Olga Other', tz: 'Europe/London' },
  robot: { id: 'UROBOT', name: 'robot', realName: 'Some Bot', tz: 'UTC', isBot: true },
  /** A workspace admin: a program coordinator, who may pair two other people. */
  coordinator: { id: 'UCOORD', name: 'cora', realName: 'Cora Coordinator', tz: 'Europe/Paris', isAdmin: true },
} as const;
export const CHANNELS = {
  goals: { id: 'CGOALS', name: 'mentoring-goals' },
  private: { id: 'GPRIVATE', name: 'secret-goals', isPrivate: true, botIsMember: false },
} as const;

export interface Harness {
  db: Db;
  standIn: SlackStandIn;
  driver: SlackDriver;
  bot: LocalBot;
  clock: TestClock;
  /** Waits until the app has finished every request (post-ack work included) and Slack is quiet. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One per test file: a fresh database cloned from the migrated template, the Slack stand-in, the
 * real Bolt app on a free port, and a driver that signs requests exactly as Slack does.
 */
export async function startHarness(
  options: {
    now?: string;
    logger?: Logger;
    maxInFlight?: number;
    maxEventLoopLagMs?: number;
    maxRequestAgeMs?: number;
    maxDbWaitMs?: number;
    drainMs?: number;
    sendNoticesAtOnce?: boolean;
    /** Multi-workspace mode: no SLACK_BOT_TOKEN, workspaces install through "Add to Slack" (test/support/install.ts). */
    oauth?: boolean;
    scheduler?: LocalBotOptions['scheduler'];
    /** DATA_ENCRYPTION_KEY's keys: journal entries and closing reflections sealed at rest. */
    dataKeys?: Buffer[];
  } = {},
): Promise<Harness> {
  const clock = new TestClock(new Date(options.now ?? '2026-11-23T14:00:00Z'));
  const db = await createTestDb();
  const standIn = await SlackStandIn.start({ botToken: BOT_TOKEN, teamId: TEAM_ID });
  for (const user of Object.values(USERS)) standIn.addUser(user);
  for (const channel of Object.values(CHANNELS)) standIn.addChannel(channel);
  if (options.oauth) standIn.enableOAuth(OAUTH.clientId, OAUTH.clientSecret);
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bot = await startLocalBot({
    db,
    apiUrl: standIn.apiUrl,
    ...(options.oauth ? { oauth: OAUTH } : { botToken: BOT_TOKEN }),
    signingSecret: SIGNING_SECRET,
    scheduler: options.scheduler,
    logger,
    clock: clock.now,
    maxInFlight: options.maxInFlight,
    drainMs: options.drainMs,
    // Jest runs the app in the test's own process, on a machine busy with other test files, where a
    // request can wait half a second between the driver signing it and the app reading it: shedding on
    // event-loop lag, request age and database wait is tested on its own (test/unit/slack/middleware,
    // metrics.test.ts) and kept out of the way here.
    maxEventLoopLagMs: options.maxEventLoopLagMs ?? Number.POSITIVE_INFINITY,
    maxRequestAgeMs: options.maxRequestAgeMs ?? Number.POSITIVE_INFINITY,
    maxDbWaitMs: options.maxDbWaitMs ?? Number.POSITIVE_INFINITY,
    sendNoticesAtOnce: options.sendNoticesAtOnce,
    dataKeys: options.dataKeys,
  });
  const driver = new SlackDriver({ appUrl: bot.eventsUrl, signingSecret: SIGNING_SECRET, standIn, teamId: TEAM_ID });
  return {
    db,
    standIn,
    driver,
    bot,
    clock,
    async settle() {
      await bot.idle();
      await settled(standIn.calls, 20);
      await bot.idle();
    },
    async close() {
      await bot.stop();
      await standIn.stop();
      await db.close();
    },
  };
}

/**
 * A command whose answer comes after its ack, through its response_url (the subcommands that need a
 * pair ack at once): the status of the ack and the private messages the person got, once the app is done.
 */
export async function commandAnsweredLater(h: Harness, userId: string, text: string): Promise<{ status: number; ackBody: unknown; replies: StoredMessage[] }> {
  const before = h.standIn.ephemeralsFor(userId).length;
  const response = await h.driver.command(userId, text);
  await h.settle();
  return { status: response.status, ackBody: response.json, replies: h.standIn.ephemeralsFor(userId).slice(before) };
}
