import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { databaseNow } from '../db/now';
import type { Database } from '../db/schema';
import type { NoticeHooks } from '../domain/notices/notice';
import type { Logger } from '../logger';
import type { DeliverySettings } from './deliver';
import { blockOn429, type DispatchSettings, type DispatchStats, dispatchDue } from './dispatcher';
import type { MeetingSource } from '../domain/reminders/meeting-source';
import { planReminders } from '../domain/reminders/plan';
import { planDigests } from '../domain/program/digest-plan';
import { digestMessage } from '../slack/blocks/program-digest';
import type { TeamSlack } from './team-slack';
import { housekeep, type HousekeepingReport, type HousekeepingSettings } from './housekeeping';
import type { SchedulerObserver } from './observer';
import type { TextCipher } from '../domain/personal-data/sealed-text';

export interface SchedulerSettings extends DeliverySettings, Omit<DispatchSettings, 'replica'>, HousekeepingSettings {
  replica?: string;
}

/** Defaults sized from SCHEDULER.md: 5 posts/s per workspace, a 10 s request timeout inside a 60 s lease. */
export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  dryRun: false,
  dailyCap: 6,
  graceMs: 30_000,
  maxAttempts: 5,
  sendTimeoutMs: 10_000,
  leaseMs: 60_000,
  batchSize: 10,
  rate: { perSecond: 5, burst: 10 },
  budgetMs: 50_000,
  concurrency: 4,
  uninstallRetentionDays: 30,
  historyRetentionDays: 30,
  purgeBatch: 500,
  housekeepingBudgetMs: 5_000,
};

export interface PassReport {
  at: string;
  planned: number;
  dispatch: DispatchStats;
  /** What the pass purged once its sending was over (none when it was stopped first). */
  housekeeping: HousekeepingReport | null;
}

export interface SchedulerDeps {
  db: Kysely<Database>;
  /** Each workspace's Slack (its own token); a pass serves only the workspaces it holds a working token for. */
  slack: TeamSlack;
  meetings: MeetingSource;
  logger: Logger;
  settings?: Partial<SchedulerSettings>;
  /** What notices' `onPosted` names (the composition root hands in the features' hooks). */
  noticeHooks?: NoticeHooks;
  /** Told of each row's outcome and each pass's duration (metrics). */
  observer?: SchedulerObserver;
  /** DATA_ENCRYPTION_KEY's keys, to open what a reminder quotes of a sealed text. */
  cipher?: TextCipher;
}

/** This process in claimed_by and the logs: host, pid and a little randomness (containers reuse pids). */
export const defaultReplicaName = (): string => `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;

/**
 * One scheduler pass = plan what is due, then dispatch it (reminders, and notices any process wrote). All state is in PostgreSQL, so any number
 * of replicas (and `npm run tick`) can run passes at once; this class only keeps a replica from
 * overlapping itself and lets shutdown wait for the pass in flight.
 */
export class Scheduler {
  readonly settings: SchedulerSettings & { replica: string };
  private inFlight: Promise<PassReport | undefined> | undefined;
  private readonly stopSignal = { stopped: false };

  constructor(private readonly deps: SchedulerDeps) {
    const replica = deps.settings?.replica ?? defaultReplicaName();
    this.settings = { ...DEFAULT_SCHEDULER_SETTINGS, ...deps.settings, replica };
  }

  /**
   * Runs one pass with `clock` as its time (see `databaseClock` and `anchoredClock`). A pass already
   * running on this replica is joined, not doubled. Never throws: a failed pass is logged and the next
   * one starts from the database state.
   */
  runPass(clock: () => Date): Promise<PassReport | undefined> {
    if (this.stopSignal.stopped) return Promise.resolve(undefined);
    this.inFlight ??= this.pass(clock).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    await this.inFlight;
  }

  /** Shutdown: no new pass; the one in flight finishes its current send, hands back the rest and ends. */
  async stop(): Promise<void> {
    this.stopSignal.stopped = true;
    await this.idle();
  }

  private async pass(clock: () => Date): Promise<PassReport | undefined> {
    const { db, logger } = this.deps;
    const log = logger.child({ scope: 'scheduler', replica: this.settings.replica });
    const at = clock();
    const started = performance.now();
    const finished = (outcome: 'ok' | 'failed') => this.deps.observer?.passFinished((performance.now() - started) / 1000, outcome);
    try {
      await this.deps.meetings.ensureUpcoming(at);
      const { planned } = await planReminders(db, at);
      // The weekly digest: a cheap check of the clock on most passes; a failure is logged and retried next pass.
      const digests = await planDigests(db, at, digestMessage).catch((error: unknown) => {
        log.error({ err: error }, 'digest planning failed');
        return 0;
      });
      const deliveryDeps = {
        db,
        slack: this.deps.slack,
        logger: log,
        settings: this.settings,
        onRateLimited: blockOn429(db),
        noticeHooks: this.deps.noticeHooks,
        stopping: () => this.stopSignal.stopped,
        observer: this.deps.observer,
        cipher: this.deps.cipher,
      };
      const dispatch = await dispatchDue(db, deliveryDeps, clock, this.settings, this.stopSignal);
      // Purges run only once this pass has stopped sending; their deletes skip rows any other pass holds.
      const housekeeping = this.stopSignal.stopped ? null : await housekeep(db, clock(), this.settings, this.stopSignal);
      const report = { at: at.toISOString(), planned, digests, dispatch, housekeeping };
      const purged = housekeeping && Object.values(housekeeping).some((count) => count > 0);
      if (planned > 0 || digests > 0 || dispatch.claimed > 0 || purged) log.info(report, 'scheduler pass');
      finished('ok');
      return report;
    } catch (error) {
      finished('failed');
      log.error({ err: error, at: at.toISOString() }, 'scheduler pass failed');
      return undefined;
    }
  }
}

/**
 * The database's clock, read once per pass: every replica agrees on what is due and when a lease ends,
 * whatever its own clock says (SCHEDULER.md: use the database clock). Between reads it runs on the
 * process's monotonic clock (performance.now), never the wall clock: an NTP step back during a pass
 * must not make a lease look longer than it is.
 */
export async function databaseClock(db: Kysely<Database>): Promise<() => Date> {
  const asked = performance.now();
  const at = (await databaseNow(db)).getTime();
  // The database read its clock somewhere during the round trip: take the middle.
  const readAt = (asked + performance.now()) / 2;
  return () => new Date(at + (performance.now() - readAt));
}

/**
 * databaseClock, read again only once `refreshMs` have passed: for the notice sender, which needs the
 * shared clock for every request that leaves notices, where one more statement each would cost more
 * than the database's clock drifts from this process's in that time.
 */
export function recentDatabaseClock(db: Kysely<Database>, refreshMs: number): () => Promise<() => Date> {
  let last: { clock: () => Date; readAt: number } | undefined;
  let reading: Promise<() => Date> | undefined;
  return () => {
    if (last && performance.now() - last.readAt < refreshMs) return Promise.resolve(last.clock);
    reading ??= databaseClock(db)
      .then((clock) => {
        last = { clock, readAt: performance.now() };
        return clock;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
}

/** A clock that reads `at` now and moves on in real (monotonic) time: `npm run tick -- --now ISO`. */
export function anchoredClock(at: Date): () => Date {
  const started = performance.now();
  return () => new Date(at.getTime() + (performance.now() - started));
}
