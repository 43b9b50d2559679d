import { databaseAnswers } from './db/health';
import { parseConfig, requireSlackCredentials } from './config';
import { exitOnStartupError } from './cli/fatal';
import { openDatabase } from './db/open';
import { createLogger } from './logger';
import { sealedText } from './domain/personal-data/sealed-text';
import { requireDataKeys } from './domain/personal-data/data-keys';
import { createServices } from './services';
import { createHomeRefresher } from './slack/home-publisher';
import { createSlackApp } from './slack/app';
import { interactiveClients, teamTokensFor } from './slack/install/team-tokens';
import { createEffectsFlusher } from './slack/effects/flusher';
import { createEffectsRecorder } from './slack/effects/recorder';
import { NOTICE_HOOKS } from './slack/effects/hooks';
import { startSchedulerClock, type SchedulerClock } from './scheduler/clock';
import { createNoticeSender, createScheduler } from './scheduler/create';
import { meetingsServiceSource } from './domain/reminders/meeting-source';
import { installShutdown } from './shutdown';
import { createMetrics } from './metrics/metrics';
import { serveMetrics } from './metrics/server';

/** Composition root: config -> logger -> db -> migrate -> services -> Slack app -> scheduler -> signals. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const slack = requireSlackCredentials(config);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database);
  if (db.migrations?.unknown.length) logger.warn({ unknown: db.migrations.unknown }, 'database migrated by a newer release: nothing applied');
  // Every connection of the pool opened before the first request; the bot runs without, opening them as needed.
  await db.warm?.().catch((error: unknown) => logger.warn({ err: error }, 'could not open every database connection ahead of traffic'));
  const clock = () => new Date();
  // A sealed text no configured key opens stops the start here, naming the key (docs/operations.md).
  await requireDataKeys(db.kysely, config.dataKeys);
  const services = createServices(db.kysely, clock, createEffectsRecorder(clock), sealedText(config.dataKeys));
  // Every send and every app-initiated call uses its own workspace's token; requests use Bolt's client,
  // authorized with the same token (SLACK_BOT_TOKEN, or the workspace's installation).
  const tokens = teamTokensFor(slack.install, { workspaces: services.workspaces, apiUrl: slack.apiUrl, logger });
  const home = createHomeRefresher({ home: services.home, program: services.program, clientFor: interactiveClients(tokens, slack.apiUrl), logger });
  const metrics = config.metricsPort === undefined ? undefined : createMetrics({ db: db.kysely, pool: db.poolStats, logger });
  // Sends the notices a request committed, from this process, at once (the passes of any replica
  // send what it could not). Every process that serves requests has one, scheduler or not.
  const notices = createNoticeSender({ db: db.kysely, tokens, apiUrl: slack.apiUrl, logger, noticeHooks: NOTICE_HOOKS, observer: metrics });
  const slackApp = createSlackApp({
    ...slack,
    logger,
    deps: { services, logger, clock, home, effects: createEffectsFlusher({ notices, home }) },
    healthy: () => databaseAnswers(db.kysely),
    dbWaiting: () => db.poolStats?.().waiting ?? 0,
    dbWaitMs: () => db.poolStats?.().oldestWaitMs ?? 0,
    metrics,
  });
  await slackApp.start(config.port);
  const metricsServer = metrics && (await serveMetrics(metrics.registry, config.metricsPort!));
  logger.info(
    { mode: slack.appToken ? 'socket' : 'http', install: slack.install.kind, port: config.port, database: db.kind, servedTeams: await tokens.teams() },
    'mentorship bot started',
  );

  let schedulerClock: SchedulerClock | undefined;
  if (config.schedulerEnabled) {
    const meetings = meetingsServiceSource(services.meetings, services.lifecyclePass, services.overdueNudges);
    const scheduler = createScheduler({
      db: db.kysely,
      config,
      tokens,
      apiUrl: slack.apiUrl,
      logger,
      meetings,
      noticeHooks: NOTICE_HOOKS,
      observer: metrics,
    });
    schedulerClock = startSchedulerClock(scheduler, db.kysely, logger);
    logger.info({ replica: scheduler.settings.replica, dryRun: config.remindersDryRun, dailyCap: config.remindersDailyCap }, 'reminder scheduler started');
  }

  installShutdown(logger, [
    // Side by side: no new pass (the pass in flight finishes its current send and hands back the
    // rest), and no new request (those already acknowledged finish; Slack's stop waits up to 6 s).
    [
      { name: 'scheduler', stop: async () => schedulerClock?.stop(), withinMs: 6_500 },
      { name: 'slack', stop: () => slackApp.stop(), withinMs: 7_000 },
      { name: 'home', stop: () => home.stop(), withinMs: 2_000 },
      { name: 'metrics', stop: async () => void metricsServer?.close(), withinMs: 1_000 },
    ],
    // After Slack: a listener still finishing may hand it notices; it sends those, then takes no more.
    { name: 'notices', stop: () => notices.stop(), withinMs: 1_500 },
    { name: 'database', stop: () => db.close(), withinMs: 1_000 },
  ]);
}

main().catch(exitOnStartupError);
