import { ConfigError, installModeOf, parseConfig } from '../config';
import { teamTokensFor } from '../slack/install/team-tokens';
import { openDatabase } from '../db/open';
import { createLogger } from '../logger';
import { sealedText } from '../domain/personal-data/sealed-text';
import { createScheduler } from '../scheduler/create';
import { meetingsServiceSource } from '../domain/reminders/meeting-source';
import { createServices } from '../services';
import { NOTICE_HOOKS } from '../slack/effects/hooks';
import { createEffectsRecorder } from '../slack/effects/recorder';
import { anchoredClock, databaseClock } from '../scheduler/scheduler';
import { exitOnStartupError } from './fatal';
import { parseFlags } from './flags';

const USAGE = `Usage: npm run tick -- [--now 2026-12-01T09:00:00Z]

Runs exactly one reminder pass: plans what is due, sends it, prints one line and exits 0 (1 if the pass failed).
For an external cron: run the bot with SCHEDULER_ENABLED=false and this every minute.

Options:
  --now ISO    run as if the clock read this instant (default: the database's clock)
  -h, --help   print this help and exit

Environment: DATABASE_URL (needed while the bot runs: the embedded database under DATA_DIR is single-process),
SLACK_BOT_TOKEN or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET (or REMINDERS_DRY_RUN=true to plan and
log without sending), SLACK_API_URL, REMINDERS_DAILY_CAP, UNINSTALL_RETENTION_DAYS, LOG_LEVEL. See docs/operations.md.`;

/** `--now 2026-12-01T09:00:00Z` (or `--now=…`); null without it (the database's clock). */
export function parseTickFlags(argv: readonly string[]): { now: Date | null } {
  const { now } = parseFlags('tick', argv, { now: { type: 'string' } }, USAGE);
  if (now === undefined) return { now: null };
  const at = /^\d{4}-\d{2}-\d{2}T/.test(now) ? new Date(now) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new ConfigError('--now: must be an ISO instant such as 2026-12-01T09:00:00Z');
  return { now: at };
}

/**
 * `npm run tick -- --now ISO`: exactly one scheduler pass as if the clock read that instant, then exit.
 * Operators can drive the scheduler from an external cron with it (SCHEDULER_ENABLED=false on the bot).
 */
async function run(): Promise<void> {
  const { now: at } = parseTickFlags(process.argv.slice(2));
  const config = parseConfig(process.env);
  const install = installModeOf(config.slack);
  if (!install && !config.remindersDryRun) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN: required to send reminders (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, or REMINDERS_DRY_RUN=true to only plan and log them)',
    );
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database, { poolSize: 4 });
  let ok: boolean;
  try {
    const clock = at ? anchoredClock(at) : await databaseClock(db.kysely);
    const services = createServices(db.kysely, clock, createEffectsRecorder(clock), sealedText(config.dataKeys));
    const meetings = meetingsServiceSource(services.meetings, services.lifecyclePass, services.overdueNudges);
    // Each workspace's rows go out with its own token: SLACK_BOT_TOKEN's workspace (auth.test), or every installation.
    const tokens = install ? teamTokensFor(install, { workspaces: services.workspaces, apiUrl: config.slack.apiUrl, logger }) : 'dry-run';
    const scheduler = createScheduler({
      db: db.kysely,
      config,
      tokens,
      apiUrl: config.slack.apiUrl,
      logger,
      meetings,
      noticeHooks: NOTICE_HOOKS,
      settings: { replica: `tick:${process.pid}` },
    });
    const report = await scheduler.runPass(clock);
    ok = report !== undefined;
    if (report) process.stdout.write(`tick ${report.at}: planned ${report.planned}, claimed ${report.dispatch.claimed}, sent ${report.dispatch.sent}\n`);
  } finally {
    await db.close();
  }
  if (!ok) {
    process.stderr.write('tick: the scheduler pass failed (see the log above)\n');
    process.exit(1);
  }
}

if (require.main === module) run().catch(exitOnStartupError);
