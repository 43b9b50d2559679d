import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { NoticeHooks } from '../domain/notices/notice';
import type { Logger } from '../logger';
import { MeetingsService } from '../domain/meetings/meetings.service';
import { meetingsServiceSource, type MeetingSource } from '../domain/reminders/meeting-source';
import { createNoticeDispatcher, type NoticeSenderSettings, type StoppableNoticeSender } from './notice-sender';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler, type SchedulerSettings } from './scheduler';
import { createReminderClient, webClientReminderSlack } from './slack-gateway';
import type { SchedulerObserver } from './observer';

interface SendingOptions {
  db: Kysely<Database>;
  botToken: string;
  apiUrl: string;
  logger: Logger;
  /** What notices' `onPosted` names: the features' hooks (src/slack/effects/hooks.ts). Every sender needs them. */
  noticeHooks: NoticeHooks;
  /** Told of each row's outcome and each pass's duration (metrics). */
  observer?: SchedulerObserver;
}

/**
 * The scheduler as `npm start` and `npm run tick` build it: its own WebClient (no SDK retries, a
 * timeout), the operator's dry-run flag and daily cap. The bot passes `meetingsServiceSource(services.meetings)`;
 * without it a MeetingsService on the same database is used (benches).
 */
export function createScheduler(
  options: SendingOptions & { config: Pick<Config, 'remindersDryRun' | 'remindersDailyCap'>; meetings?: MeetingSource; settings?: Partial<SchedulerSettings> },
): Scheduler {
  const settings = { dryRun: options.config.remindersDryRun, dailyCap: options.config.remindersDailyCap, ...options.settings };
  const client = createReminderClient({
    token: options.botToken,
    apiUrl: options.apiUrl,
    timeoutMs: settings.sendTimeoutMs ?? DEFAULT_SCHEDULER_SETTINGS.sendTimeoutMs,
    logger: options.logger,
  });
  return new Scheduler({
    db: options.db,
    slack: webClientReminderSlack(client),
    meetings: options.meetings ?? meetingsServiceSource(new MeetingsService(options.db, () => new Date())),
    logger: options.logger,
    settings,
    noticeHooks: options.noticeHooks,
    observer: options.observer,
  });
}

/**
 * The NoticeSender of the process that serves Slack's requests: it sends the notices a request has
 * just committed. Its own WebClient, configured like the scheduler's (a retried chat.postMessage can
 * post twice; a hung one must end inside the lease), never the interactive client Bolt uses.
 */
export function createNoticeSender(
  options: SendingOptions & { settings?: Partial<NoticeSenderSettings>; clock?: () => Promise<() => Date> },
): StoppableNoticeSender {
  const timeoutMs = options.settings?.sendTimeoutMs ?? DEFAULT_SCHEDULER_SETTINGS.sendTimeoutMs;
  const client = createReminderClient({ token: options.botToken, apiUrl: options.apiUrl, timeoutMs, logger: options.logger });
  return createNoticeDispatcher({
    db: options.db,
    slack: webClientReminderSlack(client),
    logger: options.logger,
    hooks: options.noticeHooks,
    settings: options.settings,
    clock: options.clock,
    observer: options.observer,
  });
}
