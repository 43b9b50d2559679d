import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { NoticeHooks, NoticeSender } from '../domain/notices/notice';
import type { Logger } from '../logger';
import type { DeliveryResult, DeliverySettings } from './deliver';
import { blockOn429, deliveryFor, type DispatchDeps, type DispatchSettings, sendRows, type StopSignal } from './dispatcher';
import { refundTokens, reserveTokens } from './limits.repository';
import { claimNotices, dueNoticesByTeam, pendingFallbacksOf, pendingFollowUpsOf } from './notices.repository';
import { DEFAULT_SCHEDULER_SETTINGS, defaultReplicaName, recentDatabaseClock } from './scheduler';
import type { TeamSlack } from './team-slack';
import type { SchedulerObserver } from './observer';

/** How often the shared (database) clock is read again; in between it is this process's clock plus the offset read. */
const CLOCK_REFRESH_MS = 10_000;

/** How long a request's own send waits for its workspace's budget to refill before leaving the rest to a pass. */
const MAX_BUDGET_WAIT_MS = 2_000;

type Outcomes = Partial<Record<DeliveryResult, number>>;

/** One sendNow call's notices of a workspace, until each is sent, taken by someone else, or left to a pass. */
interface Waiter {
  ids: Set<string>;
  giveUpAt: number;
  resolve: (outcomes: Outcomes) => void;
}

interface TeamQueue {
  waiters: Waiter[];
  /** Outcomes of every row this workspace's loop sent (a waiter looks for fallbacks only when one failed). */
  outcomes: Outcomes;
}

export type NoticeSenderSettings = DeliverySettings & Pick<DispatchSettings, 'replica' | 'leaseMs' | 'rate'>;

export interface NoticeSenderDeps {
  db: Kysely<Database>;
  /** Each workspace's notices go out with its own token; a workspace without a working one is left to later passes. */
  slack: TeamSlack;
  logger: Logger;
  hooks?: NoticeHooks;
  settings?: Partial<NoticeSenderSettings>;
  /**
   * The clock of one sendNow call; the database's by default, as for a pass, so leases agree across
   * replicas (read every CLOCK_REFRESH_MS, not for every call).
   */
  clock?: () => Promise<() => Date>;
  /** Told of each row's outcome (metrics). */
  observer?: SchedulerObserver;
}

/** A NoticeSender that shutdown can stop: no new sends, and the calls in flight finish first. */
export interface StoppableNoticeSender extends NoticeSender {
  readonly settings: NoticeSenderSettings;
  /** Resolves when no sendNow call is running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sends the notices a request has just committed, from the process that served it, without waiting
 * for the next pass. It takes exactly those rows, and only if they are due now and still pending,
 * with the same claim, lease, fence and per-workspace token bucket as a pass; a row due later, or
 * one it gets no token for, is left to the passes, which send whatever this process could not (it
 * died, Slack was busy). Never throws: a failure is logged, and the row is still in the outbox.
 */
export function createNoticeDispatcher(deps: NoticeSenderDeps): StoppableNoticeSender {
  const settings: NoticeSenderSettings = { ...DEFAULT_SCHEDULER_SETTINGS, replica: defaultReplicaName(), ...deps.settings };
  const { db } = deps;
  const log = deps.logger.child({ scope: 'notices', replica: settings.replica });
  const stop: StopSignal & { stopped: boolean } = { stopped: false };
  const delivery: DispatchDeps = {
    db,
    slack: deps.slack,
    logger: log,
    settings,
    onRateLimited: blockOn429(db),
    noticeHooks: deps.hooks,
    stopping: () => stop.stopped,
    observer: deps.observer,
  };
  const clockOf = deps.clock ?? recentDatabaseClock(db, CLOCK_REFRESH_MS);
  const inFlight = new Set<Promise<void>>();

  /**
   * Per workspace, the notices of this process's requests waiting for its token bucket. One loop asks
   * the bucket for all of them: with many requests at once (a workspace submitting faster than its
   * budget refills) each one polling the bucket on its own would cost a transaction on the same row
   * per request per refill, on the connections the requests themselves need before their acks.
   */
  const queues = new Map<string, TeamQueue>();

  /**
   * Sends these due notices of one workspace within its token bucket. A burst (a pair set up is three
   * notices at once) can empty the bucket for a moment: a refill that comes soon is waited for, since
   * a notice left to the passes may wait up to a minute; a longer wait (a Retry-After) is theirs.
   * Resolves with the outcomes of the rows sent meanwhile for this workspace, once every one of these
   * notices is sent, taken by someone else, or left to a pass.
   */
  const sendTeam = (teamId: string, due: readonly string[], clock: () => Date): Promise<Outcomes> => {
    const queue = queues.get(teamId) ?? { waiters: [], outcomes: {} };
    const settled = new Promise<Outcomes>((resolve) => queue.waiters.push({ ids: new Set(due), giveUpAt: Date.now() + MAX_BUDGET_WAIT_MS, resolve }));
    if (!queues.has(teamId)) {
      queues.set(teamId, queue);
      void drainTeam(teamId, queue, clock)
        .catch((error: unknown) => log.error({ err: error, teamId }, 'sending notices failed; a pass will send them'))
        .finally(() => {
          queues.delete(teamId);
          for (const waiter of queue.waiters) waiter.resolve(queue.outcomes);
        });
    }
    return settled;
  };

  const drainTeam = async (teamId: string, queue: TeamQueue, clock: () => Date): Promise<void> => {
    const slack = await deps.slack.forTeam(teamId);
    if (!slack) {
      log.info({ teamId, notices: queue.waiters.flatMap((waiter) => [...waiter.ids]) }, 'no working token for the workspace; notices left as they are');
      return;
    }
    const teamDelivery = deliveryFor(delivery, slack);
    /** Resolves the waiters `keep` lets go of. */
    const settle = (keep: (waiter: Waiter) => boolean) => {
      const kept: Waiter[] = [];
      for (const waiter of queue.waiters) {
        if (keep(waiter)) kept.push(waiter);
        else waiter.resolve(queue.outcomes);
      }
      queue.waiters = kept;
    };
    while (!stop.stopped) {
      const left = [...new Set(queue.waiters.flatMap((waiter) => [...waiter.ids]))];
      if (left.length === 0) return;
      const now = clock();
      const reservation = await reserveTokens(db, teamId, left.length, settings.rate, now);
      if (reservation.granted === 0) {
        const waitUntil = Date.now() + reservation.waitMs;
        const late = queue.waiters.filter((waiter) => waitUntil > waiter.giveUpAt);
        if (late.length > 0)
          log.info({ teamId, notices: late.flatMap((w) => [...w.ids]), waitMs: reservation.waitMs }, 'no send budget now; notices left to a pass');
        settle((waiter) => waitUntil <= waiter.giveUpAt);
        if (queue.waiters.length > 0) await sleepUntil(waitUntil);
        continue;
      }
      const nextToken = Date.now() + reservation.waitMs;
      const rows = await claimNotices(db, { teamId, ids: left, limit: reservation.granted, now, leaseMs: settings.leaseMs, replica: settings.replica });
      await refundTokens(db, teamId, reservation.granted - rows.length, settings.rate);
      await sendRows(teamDelivery, rows, clock, settings.rate, stop, queue.outcomes);
      if (queue.outcomes.set_aside) return;
      // A hook may have answered its post with a follow-up (an approval message catching up with a
      // change made while it was on its way): it goes next, for the waiter of the notice that caused it.
      const followUps = await pendingFollowUpsOf(db, rows);
      if (followUps.length > 0) {
        const waiter = queue.waiters.find((candidate) => rows.some((row) => candidate.ids.has(row.id)));
        for (const id of followUps) waiter?.ids.add(id);
      }
      // Fewer than granted: the others were taken by a pass or another replica meanwhile.
      if (rows.length < reservation.granted && followUps.length === 0) return;
      const claimed = new Set(rows.map((row) => row.id));
      for (const waiter of queue.waiters) for (const id of claimed) waiter.ids.delete(id);
      settle((waiter) => waiter.ids.size > 0);
      // The bucket had only what it granted: asking again before its next token would only be refused.
      if (queue.waiters.length > 0 && reservation.granted < left.length) await sleepUntil(nextToken);
    }
  };

  const send = async (ids: readonly string[], known?: { teamId: string }): Promise<void> => {
    const clock = await clockOf();
    let failed = false;
    // Rows a request has just written due now need no look-up: the claim takes only those still pending and due.
    const byTeam = known ? new Map([[known.teamId, [...new Set(ids)]]]) : await dueNoticesByTeam(db, ids, clock());
    for (const [teamId, due] of byTeam) {
      if (stop.stopped) return;
      failed = Boolean((await sendTeam(teamId, due, clock)).failed) || failed;
    }
    // A notice Slack refused for good may have left a fallback (the creator told the introduction
    // failed): it is due now, so it goes out from here too rather than wait for a pass. A fallback has
    // no fallback of its own, so this ends.
    if (failed) await send(await pendingFallbacksOf(db, ids));
  };

  return {
    settings,
    sendNow(ids, known) {
      if (stop.stopped || ids.length === 0) return Promise.resolve();
      const work = send(ids, known).catch((error: unknown) => log.error({ err: error, notices: ids }, 'sending notices failed; a pass will send them'));
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      return work;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stop.stopped = true;
      await this.idle();
    },
  };
}

/**
 * Waits until the wall clock reaches `deadline`. A timer alone may fire early (Node starts it from the
 * event loop's cached time, which lags under load), and an early wake-up would only find the bucket
 * still empty and ask it again: one more transaction on the workspace's row for nothing.
 */
async function sleepUntil(deadline: number): Promise<void> {
  for (let left = deadline - Date.now(); left > 0; left = deadline - Date.now()) {
    await new Promise((resolve) => setTimeout(resolve, left));
  }
}
