import { performance } from 'node:perf_hooks';
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';
import { type AdmissionLimits, admission, averageLag, DEFAULT_ADMISSION_LIMITS, type LoadSignals, overdue, type ShedReason } from './admission';
import { busyAnswer, type BusyPayload } from './busy-answer';

export interface ShedLoadOptions {
  logger: Logger;
  /** Requests processed at once; above this, new ones are turned away. */
  maxInFlight?: number;
  /** Other requests received and not yet acknowledged, at which new ones are turned away. */
  maxAwaitingAck?: number;
  /** Event-loop lag above which new requests are turned away (also the stall bound, unless that is given). */
  maxEventLoopLagMs?: number;
  /** How long one pass of the loop may have kept timers waiting before new requests are turned away. */
  maxEventLoopStallMs?: number;
  /** Queries waiting for a database connection above which new requests are turned away. */
  maxDbWaiting?: number;
  /** How long the longest-waiting query may have waited for a connection before new requests are turned away. */
  maxDbWaitMs?: number;
  /** Age (from Slack's signed timestamp, in context.slackRequestTimestamp) above which requests are turned away. */
  maxRequestAgeMs?: number;
  /** Queries waiting for a database connection now (pg Pool's waitingCount, PGlite's queue); none when absent. */
  dbWaiting?: () => number;
  /** How long the query that has waited longest for a connection has been waiting, in ms (the database's `poolStats`); 0 when absent. */
  dbWaitMs?: () => number;
  now?: () => number;
  /** How often, at most, a "shedding load" warning is logged (a line per request would add to the load). */
  warnEveryMs?: number;
  /** How often, at most, a clock skew too large to estimate ages with is logged while it lasts. */
  skewWarnEveryMs?: number;
  /** Told of each request turned away, and which bound it passed (metrics). */
  onShed?: (body: unknown, reason: ShedReason) => void;
}

/** A request's refusal: the bound it passed and what the process saw when it decided. */
export interface Refusal {
  reason: ShedReason;
  signals: LoadSignals;
}

export interface LoadShedder {
  middleware: Middleware<AnyMiddlewareArgs>;
  /**
   * For a request the receiver has not handed to Bolt yet (see busy-before-bolt.ts): the bound it
   * passes now, or null. Slack's signed timestamp (seconds) gives its age.
   */
  refusal(slackTimestampSeconds: number): Refusal | null;
  /** Counts, reports and (at most once per interval) logs a request turned away before Bolt. */
  noteTurnedAway(body: unknown, refusal: Refusal): void;
  /** Stops the event-loop lag probe (its timer never keeps the process alive, but apps in tests come and go). */
  stop(): void;
  /**
   * Resolves true once no request is in flight (its listener, after-ack work included, is done), or
   * false after `timeoutMs`: shutdown waits for acknowledged work before the database closes.
   */
  drain(timeoutMs: number): Promise<boolean>;
  /** Counts, from `app`, the requests received and not yet acknowledged (one of the admission signals). */
  watchAcks(app: App): void;
}

/**
 * Events Bolt has already acknowledged by the time middleware runs, so turning one away loses it: Slack
 * will not send it again. Only these may be lost under load, because the next one makes up for it (a Home
 * tab is published again on the next change or the next open). Everything else gets through: a message
 * typed in the bot's DM waits for its answer, and a `user_change`, `app_uninstalled` or `tokens_revoked`
 * changes what the bot must do from then on. They are few and cheap next to interactions.
 */
const EVENTS_SAFE_TO_LOSE: ReadonlySet<string> = new Set(['app_home_opened']);

const mayTurnAway = (body: BusyPayload): boolean => body.type !== 'event_callback' || EVENTS_SAFE_TO_LOSE.has(body.event?.type ?? '');
type Ack = (response?: unknown) => Promise<void>;
type Respond = (message: unknown) => Promise<unknown>;

/**
 * Load shedding at admission: past any bound (see admission.ts), a request gets an immediate, polite
 * "busy, try again" (which costs little more than the signature check) before any of its work starts,
 * instead of joining a queue that would grow without limit under a burst and answer after Slack's
 * 3 s. The state is per process on purpose: it measures this process's load.
 */
export function shedLoad(options: ShedLoadOptions): LoadShedder {
  const limits: AdmissionLimits = {
    maxInFlight: options.maxInFlight ?? DEFAULT_ADMISSION_LIMITS.maxInFlight,
    maxAwaitingAck: options.maxAwaitingAck ?? DEFAULT_ADMISSION_LIMITS.maxAwaitingAck,
    maxEventLoopLagMs: options.maxEventLoopLagMs ?? DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs,
    maxEventLoopStallMs: options.maxEventLoopStallMs ?? options.maxEventLoopLagMs ?? DEFAULT_ADMISSION_LIMITS.maxEventLoopStallMs,
    maxDbWaiting: options.maxDbWaiting ?? DEFAULT_ADMISSION_LIMITS.maxDbWaiting,
    maxDbWaitMs: options.maxDbWaitMs ?? DEFAULT_ADMISSION_LIMITS.maxDbWaitMs,
    maxRequestAgeMs: options.maxRequestAgeMs ?? DEFAULT_ADMISSION_LIMITS.maxRequestAgeMs,
  };
  const dbWaiting = options.dbWaiting ?? (() => 0);
  const dbWaitMs = options.dbWaitMs ?? (() => 0);
  const warnEveryMs = options.warnEveryMs ?? 10_000;
  const lag = lagProbe();
  const now = options.now ?? Date.now;
  const ageOf = requestAge(now);
  const skewWarnEveryMs = options.skewWarnEveryMs ?? 60_000;
  let inFlight = 0;
  /** Requests handed to Bolt whose ack has not been sent (see watchAcks). */
  let awaitingAck = 0;
  const idleWaiters = new Set<() => void>();
  let shedSinceWarn = 0;
  let lastWarnAt = -Infinity;
  let lastSkewWarnAt = -Infinity;

  const ageOfRequest = (timestamp: number): number | null => {
    if (!Number.isFinite(timestamp) || timestamp <= 0) return null;
    const estimate = ageOf(timestamp);
    if (estimate.ageMs !== null) return estimate.ageMs;
    if (now() - lastSkewWarnAt >= skewWarnEveryMs) {
      options.logger.warn(
        { skewMs: estimate.skewMs, maxPlausibleSkewMs: MAX_PLAUSIBLE_SKEW_MS },
        'clock skew with Slack; request ages not used for load shedding',
      );
      lastSkewWarnAt = now();
    }
    return null;
  };

  /** What the process sees of its load now; `counted`: the request asking is among those awaiting an ack. */
  const signalsNow = (slackTimestampSeconds: number, counted: boolean): LoadSignals => ({
    inFlight,
    awaitingAck: Math.max(0, awaitingAck - (counted ? 1 : 0)),
    eventLoopLagMs: lag.average(),
    eventLoopStallMs: lag.overdue(),
    dbWaiting: dbWaiting(),
    dbWaitMs: dbWaitMs(),
    requestAgeMs: ageOfRequest(slackTimestampSeconds),
  });
  const refusalOf = (signals: LoadSignals): Refusal | null => {
    const reason = admission(signals, limits);
    return reason ? { reason, signals } : null;
  };
  const noteTurnedAway = (body: unknown, { reason, signals }: Refusal): void => {
    options.onShed?.(body, reason);
    shedSinceWarn += 1;
    if (performance.now() - lastWarnAt < warnEveryMs) return;
    options.logger.warn(
      {
        reason,
        ...signals,
        eventLoopLagMs: Math.round(signals.eventLoopLagMs),
        eventLoopStallMs: Math.round(signals.eventLoopStallMs),
        dbWaitMs: Math.round(signals.dbWaitMs),
        ...limits,
        shed: shedSinceWarn,
      },
      'shedding load',
    );
    lastWarnAt = performance.now();
    shedSinceWarn = 0;
  };

  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    // This request is counted as awaiting its ack (watchAcks): the others stand before it.
    const refused = mayTurnAway(args.body) ? refusalOf(signalsNow(Number(args.context.slackRequestTimestamp), true)) : null;
    if (refused) {
      noteTurnedAway(args.body, refused);
      await turnAway(args as unknown as { body: BusyPayload; ack?: Ack; respond?: Respond });
      return;
    }
    inFlight += 1;
    try {
      await args.next();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    }
  };
  const drain = (timeoutMs: number): Promise<boolean> => {
    if (inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (drained: boolean) => {
        clearTimeout(timer);
        idleWaiters.delete(wake);
        resolve(drained);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      idleWaiters.add(wake);
    });
  };
  /**
   * Counts the requests between the receiver and their ack. Bolt gives listeners the ack the receiver
   * made, so the place to see it sent is where the receiver hands the request over (`processEvent`),
   * in HTTP and Socket Mode alike. A request never acked (an event) stops counting when it is done.
   */
  const watchAcks = (app: App): void => {
    const processEvent = app.processEvent.bind(app);
    app.processEvent = async (event) => {
      awaitingAck += 1;
      let acked = false;
      const settle = () => {
        if (acked) return;
        acked = true;
        awaitingAck -= 1;
      };
      const ack = event.ack;
      try {
        await processEvent({ ...event, ack: (response?: unknown) => (settle(), ack(response)) });
      } finally {
        settle();
      }
    };
  };
  return {
    middleware,
    refusal: (slackTimestampSeconds) => refusalOf(signalsNow(slackTimestampSeconds, false)),
    noteTurnedAway,
    stop: lag.stop,
    drain,
    watchAcks,
  };
}

/**
 * How late a short timer fires, as a moving average: sustained overload, not one long task (a single
 * garbage-collection pause moves the average by a third of its length and is forgotten in a few ticks).
 * A request also reads how overdue the timer is at that moment, which the request itself measures: a
 * loop too busy to run the timer is seen the moment it is.
 */
function lagProbe(intervalMs = 25): { average(): number; overdue(): number; stop(): void } {
  let average = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    average = averageLag(average, Math.max(0, now - last - intervalMs));
    last = now;
  }, intervalMs);
  timer.unref();
  return { average: () => average, overdue: () => overdue(performance.now() - last, intervalMs), stop: () => clearInterval(timer) };
}

/** Clocks further apart than this (NTP keeps hosts within a second or so) make the age meaningless. */
const MAX_PLAUSIBLE_SKEW_MS = 30_000;

/** What the age estimate knows about one request. */
type AgeEstimate = { ageMs: number } | { ageMs: null; skewMs: number };

/**
 * Milliseconds since Slack sent a request, from its signed timestamp (whole seconds). The smallest
 * apparent age seen over the last minute stands for "just sent", which cancels a constant clock skew
 * between Slack and this host; the estimate is then at most a second above the truth. Only apparent
 * ages within 30 s count as a reference (a request further off, which Slack does not send, never
 * becomes one). A request further off when there is no reference (this host's clock is more than
 * 30 s from Slack's, and Slack accepts 5 minutes) has no usable age: `ageMs: null` with the apparent
 * skew, and shedding then rests on the in-flight count and the event-loop lag alone.
 */
function requestAge(now: () => number): (timestampSeconds: number) => AgeEstimate {
  const minima: Array<{ bucket: number; min: number }> = [];
  return (timestampSeconds) => {
    const at = now();
    const apparent = at - timestampSeconds * 1000;
    const bucket = Math.floor(at / 10_000);
    while (minima.length > 0 && minima[0]!.bucket <= bucket - 6) minima.shift();
    if (Math.abs(apparent) > MAX_PLAUSIBLE_SKEW_MS) {
      if (minima.length === 0) return { ageMs: null, skewMs: apparent };
      return { ageMs: Math.max(0, apparent - Math.min(...minima.map((m) => m.min))) };
    }
    const current = minima.at(-1);
    if (current?.bucket === bucket) current.min = Math.min(current.min, apparent);
    else minima.push({ bucket, min: apparent });
    return { ageMs: Math.max(0, apparent - Math.min(...minima.map((m) => m.min))) };
  };
}

/** Events were already acknowledged by Bolt: they have nothing left to answer. */
async function turnAway({ body, ack, respond }: { body: BusyPayload; ack?: Ack; respond?: Respond }): Promise<void> {
  if (!ack) return;
  const answer = busyAnswer(body);
  await ack(answer.ack);
  if (answer.followUp && respond) await respond(answer.followUp.message).catch(() => undefined);
}
