import { LogLevel, WebClient } from '@slack/web-api';
import { NOTICE_HOOKS } from '../../src/slack/effects/hooks';
import pino from 'pino';
import { createDb } from '../../src/db/create-db';
import { MeetingsService } from '../../src/domain/meetings/meetings.service';
import { meetingsServiceSource } from '../../src/domain/reminders/meeting-source';
import { databaseClock, Scheduler } from '../../src/scheduler/scheduler';
import { createReminderClient, webClientReminderSlack } from '../../src/scheduler/slack-gateway';
import { anyTeamSlack } from '../../src/scheduler/team-slack';
import { type LocalBot, startLocalBot } from '../../src/devtools/local-bot';
import { CHAOS_SIGNING_SECRET_ENV, type ReplicaListening } from './protocol';

/**
 * One replica of the crash test: a Scheduler running passes back to back against DATABASE_URL and the
 * stand-in at SLACK_API_URL, logging every attempt (JSON lines on stdout). With CHAOS_SIGNING_SECRET set
 * it also serves Slack's requests, as `npm start` does (the real Bolt app, notices sent at once after
 * each commit), and tells the parent its URL over IPC. The parent kills it with SIGKILL; SIGTERM stops
 * it cleanly. CHAOS_SDK_RETRIES=1 builds the client with the SDK's default retries (the control run
 * that must show duplicates).
 */

export const CHAOS_SETTINGS = {
  leaseMs: 15_000,
  sendTimeoutMs: 2_000,
  graceMs: 5_000,
  batchSize: 5,
  rate: { perSecond: 10, burst: 10 },
  budgetMs: 10_000,
};

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const name = env('REPLICA_NAME');
  const apiUrl = env('SLACK_API_URL');
  const token = env('SLACK_BOT_TOKEN');
  const db = await createDb({ kind: 'postgres', url: env('DATABASE_URL') }, { poolSize: 4 });
  const client =
    process.env.CHAOS_SDK_RETRIES === '1'
      ? new WebClient(token, { slackApiUrl: apiUrl, timeout: CHAOS_SETTINGS.sendTimeoutMs, logLevel: LogLevel.ERROR })
      : createReminderClient({ token, apiUrl, timeoutMs: CHAOS_SETTINGS.sendTimeoutMs });
  const scheduler = new Scheduler({
    db: db.kysely,
    slack: anyTeamSlack(webClientReminderSlack(client)),
    meetings: meetingsServiceSource(new MeetingsService(db.kysely, () => new Date())),
    logger: pino({ level: 'info', base: { replica: name } }),
    settings: { ...CHAOS_SETTINGS, replica: name },
    noticeHooks: NOTICE_HOOKS,
  });
  const secret = process.env[CHAOS_SIGNING_SECRET_ENV];
  let bot: LocalBot | undefined;
  if (secret) {
    const logger = pino({ level: 'warn', base: { replica: name } });
    bot = await startLocalBot({
      db,
      apiUrl,
      botToken: token,
      signingSecret: secret,
      logger,
      clock: () => new Date(),
      scheduler: { ...CHAOS_SETTINGS, replica: name },
      acceptors: true, // as npm start has
    });
    process.send?.({ type: 'listening', url: bot.eventsUrl } satisfies ReplicaListening);
  }
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
    void Promise.all([scheduler.stop(), bot?.stop()]).finally(() => db.close().finally(() => process.exit(0)));
  });
  while (!stopping) {
    try {
      await scheduler.runPass(await databaseClock(db.kysely));
    } catch {
      // The database went away for a moment: the next pass starts from its state.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
