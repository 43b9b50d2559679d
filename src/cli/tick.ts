import { ConfigError, parseConfig } from '../config';
import { openDatabase } from '../db/open';
import { createLogger } from '../logger';
import { createScheduler } from '../scheduler/create';
import { meetingsServiceSource } from '../scheduler/meeting-source';
import { createServices } from '../services';
import { NOTICE_HOOKS } from '../slack/effects/hooks';
import { createEffectsRecorder } from '../slack/effects/recorder';
import { anchoredClock, databaseClock } from '../scheduler/scheduler';
import { exitOnStartupError } from './fatal';

/** `--now 2026-12-01T09:00:00Z` (or `--now=…`); without it the database's clock. */
export function parseNow(argv: readonly string[]): Date | null {
  const index = argv.findIndex((arg) => arg === '--now' || arg.startsWith('--now='));
  if (index === -1) return null;
  const raw = argv[index]!.includes('=') ? argv[index]!.slice('--now='.length) : argv[index + 1];
  const at = raw && /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new ConfigError('--now: must be an ISO instant such as 2026-12-01T09:00:00Z');
  return at;
}

/**
 * `npm run tick -- --now ISO`: exactly one scheduler pass as if the clock read that instant, then exit.
 * Operators can drive the scheduler from an external cron with it (SCHEDULER_ENABLED=false on the bot).
 */
async function run(): Promise<void> {
  const config = parseConfig(process.env);
  const at = parseNow(process.argv.slice(2));
  const botToken = config.slack.botToken ?? (config.remindersDryRun ? 'xoxb-dry-run' : undefined);
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN: required to send reminders (or set REMINDERS_DRY_RUN=true to only plan and log them)');
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database, { poolSize: 4 });
  let ok = false;
  try {
    const clock = at ? anchoredClock(at) : await databaseClock(db.kysely);
    const meetings = meetingsServiceSource(createServices(db.kysely, clock, createEffectsRecorder(clock)).meetings);
    const scheduler = createScheduler({ db: db.kysely, config, botToken, apiUrl: config.slack.apiUrl, logger, meetings, noticeHooks: NOTICE_HOOKS, settings: { replica: `tick:${process.pid}` } });
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
