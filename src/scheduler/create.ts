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
import { sealedText } from '../domain/personal-data/sealed-text';
import type { TeamTokens } from '../slack/install/team-tokens';
import { anyTeamSlack, type TeamSlack, tokenTeamSlack } from './team-slack';

interface SendingOptions {
  db: Kysely<Database>;
  /** Each workspace's token; 'dry-run': REMINDERS_DRY_RUN without any credentials (nothing reaches Slack). */
  tokens: TeamTokens | 'dry-run';
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
  options: SendingOptions & {
    config: Pick<Config, 'remindersDryRun' | 'remindersDailyCap'> & Partial<Pick<Config, 'uninstallRetentionDays' | 'dataKeys'>>;
    meetings?: MeetingSource;
    settings?: Partial<SchedulerSettings>;
  },
): Scheduler {
  const settings = {
    dryRun: options.config.remindersDryRun,
    dailyCap: options.config.remindersDailyCap,
    ...(options.config.uninstallRetentionDays === undefined ? {} : { uninstallRetentionDays: options.config.uninstallRetentionDays }),
    ...options.settings,
  };
  return new Scheduler({
    db: options.db,
    slack: teamSlackOf(options, settings.sendTimeoutMs ?? DEFAULT_SCHEDULER_SETTINGS.sendTimeoutMs),
    meetings: options.meetings ?? meetingsServiceSource(new MeetingsService(options.db, () => new Date())),
    logger: options.logger,
    settings,
    noticeHooks: options.noticeHooks,
    observer: options.observer,
    cipher: sealedText(options.config.dataKeys ?? []),
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
  return createNoticeDispatcher({
    db: options.db,
    slack: teamSlackOf(options, timeoutMs),
    logger: options.logger,
    hooks: options.noticeHooks,
    settings: options.settings,
    clock: options.clock,
    observer: options.observer,
  });
}

/** Clients of each workspace's own token, configured like the reminder client (no SDK retries, a timeout). */
function teamSlackOf(options: SendingOptions, timeoutMs: number): TeamSlack {
  if (options.tokens !== 'dry-run') return tokenTeamSlack(options.tokens, { apiUrl: options.apiUrl, timeoutMs, logger: options.logger });
  return anyTeamSlack(webClientReminderSlack(createReminderClient({ token: 'xoxb-dry-run', apiUrl: options.apiUrl, timeoutMs, logger: options.logger })));
}
