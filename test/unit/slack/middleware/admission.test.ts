import {
  admission,
  type AdmissionLimits,
  averageLag,
  currentLag,
  DEFAULT_ADMISSION_LIMITS,
  type LoadSignals,
} from '../../../../src/slack/middleware/admission';

const limits: AdmissionLimits = { maxInFlight: 10, maxAwaitingAck: 16, maxEventLoopLagMs: 100, maxDbWaiting: 32, maxRequestAgeMs: 1500 };
const calm: LoadSignals = { inFlight: 0, awaitingAck: 0, eventLoopLagMs: 0, dbWaiting: 0, requestAgeMs: 0 };

describe('admission: whether a request is taken on, from what the process sees when it arrives', () => {
  it('takes a request on when every signal is within its bound, bounds included', () => {
    expect(admission(calm, limits)).toBeNull();
    expect(admission({ inFlight: 9, awaitingAck: 15, eventLoopLagMs: 100, dbWaiting: 32, requestAgeMs: 1500 }, limits)).toBeNull();
  });

  it.each([
    ['in_flight', { inFlight: 10 }],
    ['awaiting_ack', { awaitingAck: 16 }],
    ['event_loop_lag', { eventLoopLagMs: 101 }],
    ['db_queue', { dbWaiting: 33 }],
    ['request_age', { requestAgeMs: 1501 }],
  ] as const)('turns it away for %s past its bound', (reason, signal) => {
    expect(admission({ ...calm, ...signal }, limits)).toBe(reason);
  });

  it('names the first bound passed when several are', () => {
    expect(admission({ inFlight: 10, awaitingAck: 20, eventLoopLagMs: 500, dbWaiting: 100, requestAgeMs: 5000 }, limits)).toBe('in_flight');
    expect(admission({ ...calm, awaitingAck: 20, eventLoopLagMs: 500 }, limits)).toBe('awaiting_ack');
    expect(admission({ ...calm, eventLoopLagMs: 500, dbWaiting: 100 }, limits)).toBe('event_loop_lag');
    expect(admission({ ...calm, dbWaiting: 100, requestAgeMs: 5000 }, limits)).toBe('db_queue');
  });

  it('does without the age when clocks disagree too much to estimate it', () => {
    expect(admission({ ...calm, requestAgeMs: null }, limits)).toBeNull();
    expect(admission({ ...calm, requestAgeMs: null, dbWaiting: 33 }, limits)).toBe('db_queue');
  });

  it('answers within Slack’s 3 s by default: every bound keeps a request far inside it', () => {
    expect(DEFAULT_ADMISSION_LIMITS.maxRequestAgeMs).toBeLessThan(3000);
    expect(DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs).toBeLessThan(3000);
  });
});

describe('event-loop lag as a request sees it', () => {
  it('reads one long pause (a garbage collection) as far less lag than a sustained stall', () => {
    const afterOnePause = [100, 0, 0].reduce(averageLag, 0);
    expect(afterOnePause).toBeLessThan(DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs / 3);
    const sustained = [150, 150, 150, 150].reduce(averageLag, 0);
    expect(sustained).toBeGreaterThan(DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs);
    const recovered = [...[150, 150, 150, 150], ...Array<number>(10).fill(0)].reduce(averageLag, 0);
    expect(recovered).toBeLessThan(DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs / 10);
  });

  it('is the average while the probe runs on time, and how overdue the probe is while the loop is too busy to run it', () => {
    expect(currentLag(12, 20, 25)).toBe(12);
    expect(currentLag(12, 40, 25)).toBe(15);
    expect(currentLag(0, 2025, 25)).toBe(2000);
  });
});
