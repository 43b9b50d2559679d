import pino from 'pino';
import { BUSY_FORM_TEXT, BUSY_TEXT } from '../../../../src/slack/middleware/busy-answer';
import { shedLoad } from '../../../../src/slack/middleware/shed-load';
import { captureLogs } from '../../../support/log-capture';
import { eventually } from '../../../support/wait';

/**
 * The event loop's own bounds, out of the way of the tests about the other signals: on a busy CI
 * machine this process's loop can lag past them, and a request those tests expect served is refused.
 */
const LOOP_BOUNDS_OFF = { maxEventLoopLagMs: Number.POSITIVE_INFINITY, maxEventLoopStallMs: Number.POSITIVE_INFINITY };

const logger = pino({ level: 'silent' });

function call(
  middleware: ReturnType<typeof shedLoad>['middleware'],
  body: Record<string, unknown>,
  next: () => Promise<void> = async () => undefined,
  context: Record<string, unknown> = {},
) {
  const ack = jest.fn(async (_response?: unknown) => undefined);
  const respond = jest.fn(async (_message: unknown) => undefined);
  const nextSpy = jest.fn(next);
  const hasAck = body.type !== 'event_callback';
  const done = middleware({ body, next: nextSpy, context, ...(hasAck ? { ack } : {}), respond } as never);
  return { ack, respond, next: nextSpy, done };
}

describe('load shedding middleware', () => {
  it('lets requests through up to the bound, turns the next one away, and recovers when one finishes', async () => {
    const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, maxInFlight: 2 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = call(shedder.middleware, { command: '/mentorship' }, () => held);
    const second = call(shedder.middleware, { command: '/mentorship' }, () => held);
    const third = call(shedder.middleware, { command: '/mentorship' });
    await third.done;
    expect(first.next).toHaveBeenCalled();
    expect(second.next).toHaveBeenCalled();
    expect(third.next).not.toHaveBeenCalled();
    expect(third.ack).toHaveBeenCalledWith({ response_type: 'ephemeral', text: `:hourglass: ${BUSY_TEXT}` });

    release();
    await Promise.all([first.done, second.done]);
    const fourth = call(shedder.middleware, { command: '/mentorship' });
    await fourth.done;
    expect(fourth.next).toHaveBeenCalled();
    shedder.stop();
  });

  it('counts a request that failed as finished', async () => {
    const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, maxInFlight: 1 });
    const failing = call(shedder.middleware, { command: '/mentorship' }, async () => {
      throw new Error('listener failed');
    });
    await expect(failing.done).rejects.toThrow('listener failed');
    const next = call(shedder.middleware, { command: '/mentorship' });
    await next.done;
    expect(next.next).toHaveBeenCalled();
    shedder.stop();
  });

  it('answers each kind of request the cheapest honest way', async () => {
    const shedder = shedLoad({ logger, maxInFlight: 0 });
    const view = call(shedder.middleware, {
      type: 'view_submission',
      view: { blocks: [{ type: 'section' }, { type: 'input', block_id: 'first_input' }, { type: 'input', block_id: 'b2' }] },
    });
    await view.done;
    expect(view.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { first_input: BUSY_FORM_TEXT } });

    const noInputs = call(shedder.middleware, { type: 'view_submission', view: { blocks: [{ type: 'section' }] } });
    await noInputs.done;
    expect(noInputs.ack).toHaveBeenCalledWith(undefined);

    const button = call(shedder.middleware, { type: 'block_actions', response_url: 'https://hooks.example/1' });
    await button.done;
    expect(button.ack).toHaveBeenCalledWith(undefined);
    expect(button.respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'ephemeral', replace_original: false }));

    const event = call(shedder.middleware, { type: 'event_callback', event: { type: 'app_home_opened' } });
    await event.done;
    expect(event.next).not.toHaveBeenCalled();
    expect(event.ack).not.toHaveBeenCalled();
    shedder.stop();
  });

  it('never turns away an event whose loss would matter (a DM typed to the bot, an account change, an uninstall), since Slack will not send it again', async () => {
    const shedder = shedLoad({ logger, maxInFlight: 0 });
    for (const type of ['message', 'user_change', 'app_uninstalled', 'tokens_revoked']) {
      const event = call(shedder.middleware, { type: 'event_callback', event: { type } });
      await event.done;
      expect(event.next).toHaveBeenCalled();
    }
    // A Home tab not refreshed now is refreshed on the next change or open: that one may be turned away.
    const home = call(shedder.middleware, { type: 'event_callback', event: { type: 'app_home_opened' } });
    await home.done;
    expect(home.next).not.toHaveBeenCalled();
    shedder.stop();
  });

  it('turns requests away while the event loop stays stalled, and serves again once it is free', async () => {
    const shedder = shedLoad({ logger, maxEventLoopLagMs: 40 });
    // Sustained stalls, as a flood of work causes: the lag timer runs late between each.
    for (let round = 0; round < 6; round += 1) {
      const stallUntil = Date.now() + 100;
      while (Date.now() < stallUntil) {
        // busy
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const during = call(shedder.middleware, { command: '/mentorship' });
    await during.done;
    expect(during.next).not.toHaveBeenCalled();
    expect(during.ack).toHaveBeenCalledWith(expect.objectContaining({ text: expect.stringContaining(BUSY_TEXT) }));

    await eventually(async () => {
      const after = call(shedder.middleware, { command: '/mentorship' });
      await after.done;
      return after.next.mock.calls.length === 1;
    }, 10_000);
    shedder.stop();
  });

  it('turns requests away while the database has a queue of queries waiting for a connection, before any work starts', async () => {
    let waiting = 40;
    const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, maxDbWaiting: 32, dbWaiting: () => waiting });
    const queued = call(shedder.middleware, { type: 'view_submission', view: { blocks: [{ type: 'input', block_id: 'topics' }] } });
    await queued.done;
    expect(queued.next).not.toHaveBeenCalled();
    expect(queued.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { topics: BUSY_FORM_TEXT } });
    waiting = 3;
    const drained = call(shedder.middleware, { command: '/mentorship' });
    await drained.done;
    expect(drained.next).toHaveBeenCalled();
    shedder.stop();
  });

  it('turns requests away while the oldest query has waited too long for a connection, however short the queue', async () => {
    let waitMs = 800;
    const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, maxDbWaiting: 128, dbWaiting: () => 4, maxDbWaitMs: 500, dbWaitMs: () => waitMs });
    const behind = call(shedder.middleware, { command: '/mentorship' });
    await behind.done;
    expect(behind.next).not.toHaveBeenCalled();
    expect(behind.ack).toHaveBeenCalledWith({ response_type: 'ephemeral', text: `:hourglass: ${BUSY_TEXT}` });
    waitMs = 20;
    const caughtUp = call(shedder.middleware, { command: '/mentorship' });
    await caughtUp.done;
    expect(caughtUp.next).toHaveBeenCalled();
    shedder.stop();
  });

  it('sees a loop that has been busy since its lag timer last ran, though the timer has not run again', async () => {
    const shedder = shedLoad({ logger, maxEventLoopLagMs: 40 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    // One long stretch of work without yielding: the probe's timer cannot fire during it.
    const busyUntil = Date.now() + 150;
    while (Date.now() < busyUntil) {
      // busy
    }
    const arriving = call(shedder.middleware, { command: '/mentorship' });
    await arriving.done;
    expect(arriving.next).not.toHaveBeenCalled();
    expect(arriving.ack).toHaveBeenCalledWith(expect.objectContaining({ text: expect.stringContaining(BUSY_TEXT) }));
    shedder.stop();
  });

  it('turns requests away while many others wait for their ack, and counts one as done once acked', async () => {
    const { App } = await import('@slack/bolt');
    const app = Object.create(App.prototype) as InstanceType<typeof App>;
    const acks: Array<() => void> = [];
    const releases: Array<() => void> = [];
    // A stand-in for Bolt's processEvent: the listener acks when told to, then finishes when told to.
    app.processEvent = async (event) => {
      await new Promise<void>((resolve) => acks.push(resolve));
      await event.ack();
      await new Promise<void>((resolve) => releases.push(resolve));
    };
    const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, maxAwaitingAck: 2 });
    shedder.watchAcks(app);
    const event = () => ({ body: {}, ack: async () => undefined });
    const received = [app.processEvent(event()), app.processEvent(event()), app.processEvent(event())];
    const third = call(shedder.middleware, { command: '/mentorship' });
    await third.done;
    expect(third.next).not.toHaveBeenCalled();
    for (const ack of acks) ack();
    await eventually(() => releases.length === 3);
    const after = call(shedder.middleware, { command: '/mentorship' });
    await after.done;
    expect(after.next).toHaveBeenCalled();
    for (const release of releases) release();
    await Promise.all(received);
    shedder.stop();
  });

  it('logs which bound it passed, with what it saw', async () => {
    const logs = captureLogs('warn');
    const shedder = shedLoad({ logger: logs.logger, maxDbWaiting: 1, dbWaiting: () => 5 });
    await call(shedder.middleware, { command: '/mentorship' }).done;
    expect(logs.lines.find((line) => line.msg === 'shedding load')).toMatchObject({ reason: 'db_queue', dbWaiting: 5, maxDbWaiting: 1 });
    shedder.stop();
  });

  describe('by the age of the request (Slack signed it long ago: it waited in a queue no other measure sees)', () => {
    let clock = Date.UTC(2026, 10, 23, 12, 0, 0, 500);
    const now = () => clock;
    const signedAgo = (seconds: number) => ({ slackRequestTimestamp: Math.floor((clock - seconds * 1000) / 1000) });
    const served = async (shedder: ReturnType<typeof shedLoad>, context: Record<string, unknown>) => {
      const request = call(shedder.middleware, { command: '/mentorship' }, undefined, context);
      await request.done;
      return request.next.mock.calls.length === 1;
    };

    it('serves fresh requests and turns away those that waited seconds', async () => {
      const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, now });
      expect(await served(shedder, signedAgo(0))).toBe(true);
      clock += 400;
      expect(await served(shedder, signedAgo(1))).toBe(true);
      expect(await served(shedder, signedAgo(4))).toBe(false);
      shedder.stop();
    });

    it('is not fooled by a host clock that runs ahead of Slack', async () => {
      const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, now });
      // This host is 20 s ahead: every request looks 20 s old, so 20 s is "fresh".
      expect(await served(shedder, signedAgo(20))).toBe(true);
      clock += 5_000;
      expect(await served(shedder, signedAgo(20))).toBe(true);
      expect(await served(shedder, signedAgo(24))).toBe(false);
      shedder.stop();
    });

    it('does not let one request signed minutes away from now shift what counts as fresh', async () => {
      const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, now });
      expect(await served(shedder, signedAgo(0))).toBe(true);
      expect(await served(shedder, signedAgo(-240))).toBe(true);
      expect(await served(shedder, signedAgo(240))).toBe(false);
      clock += 1_000;
      expect(await served(shedder, signedAgo(0))).toBe(true);
      shedder.stop();
    });

    it('does not turn everything away when this host’s clock is more than 30 s ahead of Slack, and says so once a minute', async () => {
      const logs = captureLogs('warn');
      const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger: logs.logger, now, maxInFlight: 1 });
      // 45 s ahead (Slack accepts up to 5 minutes): every request looks 45 s old.
      expect(await served(shedder, signedAgo(45))).toBe(true);
      clock += 2_000;
      expect(await served(shedder, signedAgo(45))).toBe(true);
      expect(await served(shedder, signedAgo(47))).toBe(true);
      // The other bounds still hold: with one request in flight, the next is turned away.
      let release!: () => void;
      const held = call(shedder.middleware, { command: '/mentorship' }, () => new Promise<void>((resolve) => (release = resolve)), signedAgo(45));
      expect(await served(shedder, signedAgo(45))).toBe(false);
      release();
      await held.done;
      const skewLines = () => logs.lines.filter((line) => line.msg === 'clock skew with Slack; request ages not used for load shedding');
      expect(skewLines()).toHaveLength(1);
      expect(skewLines()[0]).toMatchObject({ skewMs: expect.any(Number) });
      expect(Number(skewLines()[0]!.skewMs)).toBeGreaterThanOrEqual(45_000);
      clock += 60_000;
      expect(await served(shedder, signedAgo(45))).toBe(true);
      expect(skewLines()).toHaveLength(2);
      shedder.stop();
    });

    it('ignores requests without a timestamp (Socket Mode)', async () => {
      const shedder = shedLoad({ ...LOOP_BOUNDS_OFF, logger, now });
      expect(await served(shedder, {})).toBe(true);
      shedder.stop();
    });
  });
});
