import type { Kysely } from 'kysely';
import { databaseAnswers } from '../db/health';
import type { Database } from '../db/schema';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../db/create-db';
import type { Logger } from '../logger';
import { createServices, type Services } from '../services';
import { createHomeRefresher } from '../slack/home-publisher';
import { createSlackApp, type SlackApp } from '../slack/app';
import { interactiveClients, type TeamTokens, teamTokensFor } from '../slack/install/team-tokens';
import type { InstallMode, OAuthCredentials } from '../config';
import { createEffectsFlusher } from '../slack/effects/flusher';
import { NOTICE_HOOKS } from '../slack/effects/hooks';
import { createEffectsRecorder } from '../slack/effects/recorder';
import { type NoticeHooks, noNoticeSending } from '../domain/notices/notice';
import { createNoticeSender, createScheduler } from '../scheduler/create';
import { sealedText } from '../domain/personal-data/sealed-text';
import type { StoppableNoticeSender } from '../scheduler/notice-sender';
import { rewindBuckets } from '../scheduler/limits.repository';
import { meetingsServiceSource } from '../domain/reminders/meeting-source';
import type { Scheduler, SchedulerSettings } from '../scheduler/scheduler';
import type { Metrics } from '../metrics/metrics';

export interface LocalBotOptions {
  db: Db;
  apiUrl: string;
  /** SLACK_BOT_TOKEN mode (one workspace)… */
  botToken?: string;
  /** …or multi-workspace mode ("Add to Slack", installations in the database). */
  oauth?: OAuthCredentials;
  signingSecret: string;
  logger: Logger;
  clock: () => Date;
  /** Reminder scheduler settings (dry run, cap, rate…); the scheduler never ticks by itself here. */
  scheduler?: Partial<SchedulerSettings>;
  /** What notices' `onPosted` names, for the scheduler and the notice sender alike. */
  noticeHooks?: NoticeHooks;
  /** Load-shedding bounds (tests of shedding use tiny ones); the app's defaults otherwise. */
  maxInFlight?: number;
  maxEventLoopLagMs?: number;
  maxRequestAgeMs?: number;
  maxDbWaitMs?: number;
  /** Home refreshes are coalesced per person within this window (short here, so tests see the last one soon). */
  homeWindowMs?: number;
  /** Changes finished within this time share one read of who watches their Home (short here, like the window). */
  homeWatchersBatchMs?: number;
  /**
   * False: requests commit their notices but this process never sends them, as if it died right after
   * each commit (tests prove a later pass sends them). Default true.
   */
  sendNoticesAtOnce?: boolean;
  /** How long stopping waits for acknowledged work (the app's default otherwise). */
  drainMs?: number;
  /** Prometheus figures (the metrics test); none otherwise. */
  metrics?: Metrics;
  /** DATA_ENCRYPTION_KEY's keys (journal entries and closing reflections sealed at rest); none otherwise. */
  dataKeys?: Buffer[];
  /**
   * Several descriptors accepting connections, as `npm start` has (src/slack/acceptors.ts). Default false:
   * making them forks a helper process, and a process whose heap is large (a test worker holding embedded
   * databases) then pays for copying pages on its next writes: seconds per start at 2 GB, on this machine.
   * Tests start dozens of bots per process; the bench and the crash test, one per process, turn them on.
   */
  acceptors?: boolean;
}

export interface LocalBot {
  slackApp: SlackApp;
  /** Which workspaces this bot can send for, and with which token. */
  tokens: TeamTokens;
  services: Services;
  /** The reminder scheduler wired to the same database and Slack; run passes with `scheduler.runPass(clock)`. */
  scheduler: Scheduler;
  /** Sends the notices a request committed, at once, on the bot's clock (`sendNow(ids)`). */
  notices: StoppableNoticeSender;
  /** http://127.0.0.1:PORT (HTTP mode on a free port). */
  baseUrl: string;
  eventsUrl: string;
  /** Resolves once no request is being processed, including work done after ack(). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real Bolt app, wired exactly as `npm start` wires it, on a free local port: what the
 * integration tests and `npm run demo` talk to, with Slack replaced by the stand-in.
 */
export async function startLocalBot(options: LocalBotOptions): Promise<LocalBot> {
  const services = createServices(options.db.kysely, options.clock, createEffectsRecorder(options.clock), sealedText(options.dataKeys ?? []));
  const install: InstallMode = options.oauth ? { kind: 'oauth', ...options.oauth } : { kind: 'single', botToken: options.botToken ?? '' };
  const tokens = teamTokensFor(install, { workspaces: services.workspaces, apiUrl: options.apiUrl, logger: options.logger });
  const home = createHomeRefresher({
    home: services.home,
    program: services.program,
    clientFor: interactiveClients(tokens, options.apiUrl),
    logger: options.logger,
    windowMs: options.homeWindowMs ?? 50,
    watchersBatchMs: options.homeWatchersBatchMs ?? 5,
  });
  const noticeHooks = options.noticeHooks ?? NOTICE_HOOKS;
  const notices = createNoticeSender({
    db: options.db.kysely,
    tokens,
    apiUrl: options.apiUrl,
    logger: options.logger,
    noticeHooks,
    settings: { replica: 'local-bot', ...options.scheduler },
    // The bot's clock, as the services that wrote the rows read it (tests move it at will), ticking.
    clock: tickingClock(options.db.kysely, options.clock),
    observer: options.metrics,
  });
  const slackApp = createSlackApp({
    install,
    signingSecret: options.signingSecret,
    apiUrl: options.apiUrl,
    logger: options.logger,
    deps: {
      services,
      logger: options.logger,
      clock: options.clock,
      home,
      effects: createEffectsFlusher({ notices: options.sendNoticesAtOnce === false ? noNoticeSending : notices, home }),
    },
    healthy: () => databaseAnswers(options.db.kysely),
    dbWaiting: () => options.db.poolStats?.().waiting ?? 0,
    dbWaitMs: () => options.db.poolStats?.().oldestWaitMs ?? 0,
    maxInFlight: options.maxInFlight,
    maxEventLoopLagMs: options.maxEventLoopLagMs,
    maxRequestAgeMs: options.maxRequestAgeMs,
    maxDbWaitMs: options.maxDbWaitMs,
    drainMs: options.drainMs,
    metrics: options.metrics,
    acceptors: options.acceptors ?? false,
  });
  // Bolt awaits the whole listener (post-ack work included) inside processEvent, so a counter around it
  // knows when the app has really finished with every request. It starts where the receiver hands the
  // request over, before the ack: an event is acknowledged before authorization and middleware run, so a
  // counter in a middleware would let a caller see the 200 and find the app idle while the listener has
  // not started yet.
  let inFlight = 0;
  const processEvent = slackApp.app.processEvent.bind(slackApp.app);
  slackApp.app.processEvent = async (event) => {
    inFlight += 1;
    try {
      await processEvent(event);
    } finally {
      inFlight -= 1;
    }
  };
  const idle = async (): Promise<void> => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // Listeners hand notices over without waiting for them (effects/flusher.ts).
    await notices.idle();
    await home.idle();
  };
  const server = (await slackApp.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const scheduler = createScheduler({
    db: options.db.kysely,
    config: { remindersDryRun: false, remindersDailyCap: 6, dataKeys: options.dataKeys },
    tokens,
    apiUrl: options.apiUrl,
    logger: options.logger,
    meetings: meetingsServiceSource(services.meetings, services.lifecyclePass, services.overdueNudges),
    settings: { replica: 'local-bot', ...options.scheduler },
    noticeHooks,
    observer: options.metrics,
  });
  return {
    slackApp,
    tokens,
    services,
    scheduler,
    notices,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    idle,
    stop: async () => {
      await scheduler.stop();
      await slackApp.stop();
      await home.stop();
      await notices.stop();
    },
  };
}

/**
 * The notice sender's clock: the bot's clock plus the real time that passed since it was last set.
 * Time passes while requests are served, so the workspace's send budget refills as it would in
 * production; a clock frozen by a test would stop every notice after the first burst. When the bot's
 * clock is set back, the rate buckets are set back with it (they never refill while behind).
 */
function tickingClock(db: Kysely<Database>, clock: () => Date): () => Promise<() => Date> {
  let seen = clock().getTime();
  let since = Date.now();
  return async () => {
    const now = clock().getTime();
    if (now !== seen) {
      if (now < seen) await rewindBuckets(db, new Date(now));
      seen = now;
      since = Date.now();
    }
    const start = since;
    return () => new Date(now + (Date.now() - start));
  };
}
