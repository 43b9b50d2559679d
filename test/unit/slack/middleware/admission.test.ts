import { admission, type AdmissionLimits, averageLag, overdue, DEFAULT_ADMISSION_LIMITS, type LoadSignals } from '../../../../src/slack/middleware/admission';

const limits: AdmissionLimits = {
  maxInFlight: 10,
  maxAwaitingAck: 16,
  maxEventLoopLagMs: 100,
  maxEventLoopStallMs: 500,
  maxDbWaiting: 32,
  maxDbWaitMs: 500,
  maxRequestAgeMs: 1500,
};
const calm: LoadSignals = { inFlight: 0, awaitingAck: 0, eventLoopLagMs: 0, eventLoopStallMs: 0, dbWaiting: 0, dbWaitMs: 0, requestAgeMs: 0 };

describe('admission: whether a request is taken on, from what the process sees when it arrives', () => {
  it('takes a request on when every signal is within its bound, bounds included', () => {
    expect(admission(calm, limits)).toBeNull();
    expect(
      admission({ inFlight: 9, awaitingAck: 15, eventLoopLagMs: 100, eventLoopStallMs: 500, dbWaiting: 32, dbWaitMs: 500, requestAgeMs: 1500 }, limits),
    ).toBeNull();
  });

  it.each([
    ['in_flight', { inFlight: 10 }],
    ['awaiting_ack', { awaitingAck: 16 }],
    ['event_loop_lag', { eventLoopLagMs: 101 }],
    ['event_loop_lag', { eventLoopStallMs: 501 }],
    ['db_queue', { dbWaiting: 33 }],
    ['db_wait', { dbWaitMs: 501 }],
    ['request_age', { requestAgeMs: 1501 }],
  ] as const)('turns it away for %s past its bound', (reason, signal) => {
    expect(admission({ ...calm, ...signal }, limits)).toBe(reason);
  });

  it('names the first bound passed when several are', () => {
    expect(
      admission({ inFlight: 10, awaitingAck: 20, eventLoopLagMs: 500, eventLoopStallMs: 0, dbWaiting: 100, dbWaitMs: 900, requestAgeMs: 5000 }, limits),
    ).toBe('in_flight');
    expect(admission({ ...calm, awaitingAck: 20, eventLoopLagMs: 500 }, limits)).toBe('awaiting_ack');
    expect(admission({ ...calm, eventLoopLagMs: 500, dbWaiting: 100 }, limits)).toBe('event_loop_lag');
    expect(admission({ ...calm, dbWaiting: 100, requestAgeMs: 5000 }, limits)).toBe('db_queue');
    expect(admission({ ...calm, dbWaitMs: 900, requestAgeMs: 5000 }, limits)).toBe('db_wait');
  });

  it('does without the age when clocks disagree too much to estimate it', () => {
    expect(admission({ ...calm, requestAgeMs: null }, limits)).toBeNull();
    expect(admission({ ...calm, requestAgeMs: null, dbWaiting: 33 }, limits)).toBe('db_queue');
  });

  it('answers within Slack’s 3 s by default: every bound keeps a request far inside it', () => {
    expect(DEFAULT_ADMISSION_LIMITS.maxRequestAgeMs).toBeLessThan(3000);
    expect(DEFAULT_ADMISSION_LIMITS.maxEventLoopLagMs).toBeLessThan(3000);
    expect(DEFAULT_ADMISSION_LIMITS.maxDbWaitMs).toBeLessThan(3000);
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

  it('reads a probe that ran on time as not overdue, and one the loop had no turn for as overdue by the wait', () => {
    expect(overdue(20, 25)).toBe(0);
    expect(overdue(40, 25)).toBe(15);
    expect(overdue(2025, 25)).toBe(2000);
  });

  it('lets the operating system take the CPU for a moment, but not one pass of the loop run for half a second', () => {
    expect(admission({ ...calm, eventLoopStallMs: 150 }, DEFAULT_ADMISSION_LIMITS)).toBeNull();
    expect(admission({ ...calm, eventLoopStallMs: 600 }, DEFAULT_ADMISSION_LIMITS)).toBe('event_loop_lag');
  });
});
