/**
 * Load generators. Open loop: request i is due at start + i/rate whether or not earlier ones have been
 * answered, and its latency is measured from that INTENDED time, so a stalled server is charged for
 * the queue it causes (no coordinated omission, unlike a closed loop or autocannon's bursts). Closed
 * loop: a fixed number of clients each send their next request when the previous one is answered,
 * which measures capacity.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Prepared {
  body: string;
  headers: Record<string, string>;
}

export interface Sample {
  /** ms from the intended send time to the complete response. */
  latencyMs: number;
  status: number;
  /** The app answered "busy, try again" (load shedding). */
  shed: boolean;
  /** How late the generator itself sent it (a starved generator would make the app look slow). */
  sendLagMs: number;
  /** ms from the intended send time to each step of the exchange (BENCH_DEBUG: where a slow answer waited). */
  steps: Steps;
}

/** When the request got a socket, whether it opened a new connection (and when it was connected), and when the answer's headers came. */
export interface Steps {
  socketMs?: number;
  connectedMs?: number;
  headersMs?: number;
}

/** Slack shows the person an error when the answer takes longer than this. */
export const ACK_DEADLINE_MS = 3000;
const REQUEST_TIMEOUT_MS = 10_000;
const BUSY = /busy right now/;

// Kept-alive connections, at most 512 at once, as a pooled sender (Slack, or a proxy in front of the
// app) would hold; a request that finds them all busy waits here, and that wait counts in its latency.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function post(url: URL, prepared: Prepared, steps: Steps = {}, since = performance.now()): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...prepared.headers, 'content-length': Buffer.byteLength(prepared.body) },
      },
      (res) => {
        steps.headersMs = performance.now() - since;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('socket', (socket) => {
      steps.socketMs = performance.now() - since;
      if (socket.connecting) socket.once('connect', () => (steps.connectedMs = performance.now() - since));
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(prepared.body);
  });
}

/**
 * Sends `count` requests at `rate` per second, on schedule; `make(i)` builds request i just before it
 * is due. Several URLs (replicas) take the requests in turn, as a round-robin balancer would spread them.
 */
export function openLoop(url: string | readonly string[], rate: number, count: number, make: (i: number) => Prepared): Promise<Sample[]> {
  const targets = (typeof url === 'string' ? [url] : url).map((one) => new URL(one));
  const interval = 1000 / rate;
  const samples: Sample[] = new Array(count);
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const start = performance.now() + 20;
    const fire = (i: number): void => {
      const intended = start + i * interval;
      const sendLagMs = performance.now() - intended;
      const steps: Steps = {};
      void post(targets[i % targets.length]!, make(i), steps, intended).then(({ status, text }) => {
        samples[i] = { latencyMs: performance.now() - intended, status, shed: BUSY.test(text), sendLagMs, steps };
        done += 1;
        if (done === count) resolve(samples);
      });
    };
    const tick = (): void => {
      const now = performance.now();
      while (next < count && start + next * interval <= now) fire(next++);
      if (next < count) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
}

/** `clients` back-to-back senders for `seconds`; resolves with the answers per second, excluding "busy" ones. */
export async function closedLoop(
  url: string,
  clients: number,
  seconds: number,
  make: (i: number) => Prepared,
): Promise<{ served: number; shed: number; failed: number; perSecond: number }> {
  const target = new URL(url);
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  let served = 0;
  let shed = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const { status, text } = await post(target, make(i++));
        if (status !== 200) failed += 1;
        else if (BUSY.test(text)) shed += 1;
        else served += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { served, shed, failed, perSecond: served / elapsed };
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Not answered 200 within Slack's 3 s (errors, timeouts, Bolt's 404 for a missing ack). */
  unacked: number;
  /** Answered with anything but a 2xx, or not at all (a reset connection, the generator's 10 s timeout). */
  non2xx: number;
  /** Answered 2xx, but after Slack's 3 s: the person saw an error whatever the answer said. */
  late: number;
  shed: number;
  /** 99th percentile of the generator's own lateness: when it is large, the run measured the machine, not the app. */
  sendLagP99: number;
}

export function summarise(samples: readonly Sample[]): Summary {
  const sorted = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    count: samples.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? NaN,
    unacked: samples.filter((s) => s.status !== 200 || s.latencyMs > ACK_DEADLINE_MS).length,
    non2xx: samples.filter((s) => s.status < 200 || s.status > 299).length,
    late: samples.filter((s) => s.status >= 200 && s.status <= 299 && s.latencyMs > ACK_DEADLINE_MS).length,
    shed: samples.filter((s) => s.shed).length,
    sendLagP99: samples.map((s) => s.sendLagMs).sort((a, b) => a - b)[Math.floor(0.99 * (samples.length - 1))] ?? NaN,
  };
}
