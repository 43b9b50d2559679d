import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { MeetingsService } from '../domain/meetings/meetings.service';
import { meetingsServiceSource, type MeetingSource } from './meeting-source';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler, type SchedulerSettings } from './scheduler';
import { createReminderClient, webClientReminderSlack } from './slack-gateway';
import type { SchedulerObserver } from './observer';

/**
 * The scheduler as `npm start` and `npm run tick` build it: its own WebClient (no SDK retries, a
 * timeout), the operator's dry-run flag and daily cap. The bot passes `meetingsServiceSource(services.meetings)`;
 * without it a MeetingsService on the same database is used (benches).
 */
export function createScheduler(options: {
  db: Kysely<Database>;
  config: Pick<Config, 'remindersDryRun' | 'remindersDailyCap'>;
  botToken: string;
  apiUrl: string;
  logger: Logger;
  meetings?: MeetingSource;
  settings?: Partial<SchedulerSettings>;
  observer?: SchedulerObserver;
}): Scheduler {
  const settings = { dryRun: options.config.remindersDryRun, dailyCap: options.config.remindersDailyCap, ...options.settings };
  const client = createReminderClient({ token: options.botToken, apiUrl: options.apiUrl, timeoutMs: settings.sendTimeoutMs ?? DEFAULT_SCHEDULER_SETTINGS.sendTimeoutMs });
  return new Scheduler({
    db: options.db,
    slack: webClientReminderSlack(client),
    meetings: options.meetings ?? meetingsServiceSource(new MeetingsService(options.db, () => new Date())),
    logger: options.logger,
    settings,
    observer: options.observer,
  });
}
