import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { oldestDueAgeSeconds, openRowsByState } from './outbox.repository';

/** The connection pool's counts (on the embedded database: its one connection and the queries queued for it). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsOptions {
  db: Kysely<Database>;
  pool?: () => PoolStats;
  logger: Logger;
}

/**
 * Every figure `GET /metrics` serves, on a registry of this process's own (no module-level default
 * registry: tests build several). The hooks below are what the rest of the code calls; gauges that
 * describe the database are read when Prometheus scrapes, so an idle bot runs no query for them.
 */
export function createMetrics(options: MetricsOptions) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'mentorship_slack_requests_total',
    help: 'Requests from Slack, by kind (command, block_actions, view_submission, event, ...) and outcome (ok, error, shed).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'mentorship_slack_ack_seconds',
    help: 'From the request reaching the app to its ack; Slack gives up at 3 s.',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3],
    registers: [registry],
  });
  const shed = new Counter({
    name: 'mentorship_slack_requests_shed_total',
    help: 'Requests answered "busy" by load shedding, by kind and the bound that was passed (in_flight, awaiting_ack, event_loop_lag, db_queue, db_wait, request_age).',
    labelNames: ['kind', 'reason'] as const,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'mentorship_outbox_deliveries_total',
    help: 'Outbox rows handled by the dispatcher, by kind of message and outcome (sent, reconciled, failed, unknown, rate_limited, cancelled, deferred, ...).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'mentorship_slack_rate_limited_total',
    help: 'Sends Slack answered with 429 (the workspace then waits for Retry-After on every replica).',
    registers: [registry],
  });
  const reconciled = new Counter({
    name: 'mentorship_outbox_reconciliations_total',
    help: 'Sends in doubt found in the DM and marked sent without posting again.',
    registers: [registry],
  });
  const passSeconds = new Histogram({
    name: 'mentorship_scheduler_pass_seconds',
    help: 'Duration of one scheduler pass (plan, then dispatch), by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'mentorship_outbox_open_rows',
    help: 'Outbox rows not settled yet, by state (pending, sending, unknown).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const state of ['pending', 'sending', 'unknown']) this.set({ state }, 0);
      for (const { state, rows } of await openRowsByState(options.db).catch(failed(options.logger, []))) this.set({ state }, rows);
    },
  });
  new Gauge({
    name: 'mentorship_outbox_oldest_due_seconds',
    help: 'Age of the oldest open outbox row that is due (0 when nothing is due): how far sending is behind.',
    registers: [registry],
    async collect() {
      this.set(await oldestDueAgeSeconds(options.db).catch(failed(options.logger, 0)));
    },
  });
  new Gauge({
    name: 'mentorship_db_pool_connections',
    help: 'Database connection pool: connections in use, idle, and callers waiting for one (embedded database: its one connection).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = options.pool?.();
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.total - pool.idle);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  return {
    registry,
    /** A request reached the app and its listener chain ended (`shed` when load shedding answered it). */
    request(kind: string, outcome: 'ok' | 'error' | 'shed', ackedAfterSeconds: number | null): void {
      requests.inc({ kind, outcome });
      if (ackedAfterSeconds !== null) ackSeconds.observe({ kind }, ackedAfterSeconds);
    },
    shed(kind: string, reason: string): void {
      shed.inc({ kind, reason });
    },
    delivered(kind: string, outcome: string): void {
      deliveries.inc({ kind, outcome });
      if (outcome === 'rate_limited') rateLimited.inc();
      if (outcome === 'reconciled') reconciled.inc();
    },
    passFinished(seconds: number, outcome: 'ok' | 'failed'): void {
      passSeconds.observe({ outcome }, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A scrape must not fail because the database hiccuped: the gauge keeps a neutral value and the log says why. */
function failed<T>(logger: Logger, fallback: T): (error: unknown) => T {
  return (error) => {
    logger.warn({ err: error }, 'metrics: database read failed');
    return fallback;
  };
}
