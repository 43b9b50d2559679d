/**
 * Whether to take on a request, decided when it arrives, before any of its work starts, from what this
 * process can see of its own load at that moment. Nothing here waits for a timer: a saturated event
 * loop runs timers late or not at all, so a deadline that should answer "busy" at 2 s fires after
 * Slack's 3 s. Each signal is read at the request's arrival, where the loop has already reached it.
 */

/** What the process can see of its load when a request arrives. */
export interface LoadSignals {
  /** Requests admitted and not finished (their work after the ack included). */
  inFlight: number;
  /**
   * Other requests received and not yet acknowledged: the work standing between each of them and its
   * ack. It grows when the process cannot keep up, whatever the reason (the CPU, the database, Slack).
   */
  awaitingAck: number;
  /** How late the event loop runs, on average (see `lagProbe`): queued work that no counter sees yet. */
  eventLoopLagMs: number;
  /**
   * How overdue the lag probe's timer is as the request arrives: the loop has been busy this long without
   * a turn for timers (a flood of requests handled in one pass). Read by the request itself, so it needs
   * no timer to run.
   */
  eventLoopStallMs: number;
  /** Queries waiting for a database connection: pre-ack work admitted now would queue behind them. */
  dbWaiting: number;
  /**
   * How long the query that has waited longest for a connection has been waiting: how far behind the
   * queue runs, whatever its length. Transactions hold a connection across several turns of the event
   * loop, so under load the pool serves far fewer of them a second than its size suggests.
   */
  dbWaitMs: number;
  /** Time since Slack sent the request (from its signed timestamp), or null when clocks disagree too much to say. */
  requestAgeMs: number | null;
}

export interface AdmissionLimits {
  maxInFlight: number;
  maxAwaitingAck: number;
  maxEventLoopLagMs: number;
  maxEventLoopStallMs: number;
  maxDbWaiting: number;
  maxDbWaitMs: number;
  maxRequestAgeMs: number;
}

/** The bound a request turned away passed (metrics label it; the log says it). */
export type ShedReason = 'in_flight' | 'awaiting_ack' | 'event_loop_lag' | 'db_queue' | 'db_wait' | 'request_age';

/**
 * Defaults. In flight: a request counts until its listener, including the work after the ack
 * (views.open, DMs), is done; 256 leaves room for Slack's own latency at hundreds of requests per
 * second while bounding the memory they hold. Event-loop lag: 100 ms is a little above toobusy-js's
 * long-standing 70 ms (room for CPU-throttled containers) and far inside Slack's 3 s. A stall of one
 * pass of the loop is allowed more (500 ms): the operating system giving the CPU to another process for
 * a moment is not a queue, while a pass that has run for half a second over a flood of requests is one. Database queue:
 * with a pool of 10 and queries of a few ms, 128 waiting is a wait of about a tenth of a second; a queue
 * far past that means the database, not the event loop, is where requests wait. It is the queue's
 * length that matters, not a burst: one Home refresh alone asks for a dozen connections at once.
 * Database wait: a query that has waited 100 ms for a connection means the requests admitted before it
 * have not had their turn yet; one admitted now would wait longer still. The bound is low because a
 * request waiting on the pool also holds its HTTP connection: the sender then opens new connections,
 * and a busy process accepts only one new connection per turn of its event loop (libuv 1.45 and later),
 * so they queue in the kernel where no other signal sees them. In the bench, at five times capacity,
 * goal submissions had 184-335 answers after 3 s with a 500 ms bound, 56 with 200 ms, none with 100 ms
 * (docs/benchmarks.md). A burst is not a wait: a Home refresh's dozen queries take a few ms each.
 * Request age: the timestamp has whole seconds, so an estimate above 1.5 s means the request waited at least half
 * a second in socket buffers, where no other measure sees it.
 */
export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = {
  maxInFlight: 256,
  maxAwaitingAck: 48,
  maxEventLoopLagMs: 100,
  maxEventLoopStallMs: 500,
  maxDbWaiting: 128,
  maxDbWaitMs: 100,
  maxRequestAgeMs: 1500,
};

/** Null: take the request on. Otherwise the first bound it passed, in the order they are cheapest to hold. */
export function admission(signals: LoadSignals, limits: AdmissionLimits): ShedReason | null {
  if (signals.inFlight >= limits.maxInFlight) return 'in_flight';
  if (signals.awaitingAck >= limits.maxAwaitingAck) return 'awaiting_ack';
  if (signals.eventLoopLagMs > limits.maxEventLoopLagMs || signals.eventLoopStallMs > limits.maxEventLoopStallMs) return 'event_loop_lag';
  if (signals.dbWaiting > limits.maxDbWaiting) return 'db_queue';
  if (signals.dbWaitMs > limits.maxDbWaitMs) return 'db_wait';
  if (signals.requestAgeMs !== null && signals.requestAgeMs > limits.maxRequestAgeMs) return 'request_age';
  return null;
}

/** One step of the moving average of timer lateness (ms). */
export const averageLag = (previous: number, late: number): number => previous * 0.7 + late * 0.3;

/** How overdue a timer due every `intervalMs` is, `sinceLastTickMs` after it last ran. */
export const overdue = (sinceLastTickMs: number, intervalMs: number): number => Math.max(0, sinceLastTickMs - intervalMs);
