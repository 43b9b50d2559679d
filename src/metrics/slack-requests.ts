import { performance } from 'node:perf_hooks';
import type { App } from '@slack/bolt';
import type { Metrics } from './metrics';

type Body = { type?: string; command?: string } | undefined;

/** The kind of a Slack request, for labels: a fixed, small set (never a command's text or an id). */
export function requestKind(body: unknown): string {
  const { type, command } = (body ?? {}) as NonNullable<Body>;
  if (typeof command === 'string') return 'command';
  if (type === 'event_callback') return 'event';
  return typeof type === 'string' && /^[a-z_]{1,40}$/.test(type) ? type : 'other';
}

/**
 * Counts every request the receiver hands to Bolt and times its ack. Bolt gives listeners the ack the
 * receiver made, so the only place to time it is where the receiver hands the request over
 * (`app.processEvent`), in HTTP and Socket Mode alike. Load shedding reports a request it turned away
 * by its body (`shedBodies`), so the request is counted once, as shed; one turned away before Bolt
 * saw it is counted when its answer is sent (`onAnsweredBeforeBolt`).
 */
export function instrumentRequests(
  app: App,
  metrics: Metrics,
): { onShed(body: unknown, reason: string): void; onAnsweredBeforeBolt(body: unknown, seconds: number): void } {
  const shedBodies = new WeakSet<object>();
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const started = performance.now();
    let ackedAfter: number | null = null;
    const ack = event.ack;
    const timed = { ...event, ack: (response?: unknown) => ((ackedAfter ??= (performance.now() - started) / 1000), ack(response)) };
    let outcome: 'ok' | 'error' = 'ok';
    try {
      await processEvent(timed);
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      const kind = requestKind(event.body);
      metrics.request(kind, shedBodies.has(event.body) ? 'shed' : outcome, ackedAfter);
    }
  };
  return {
    onShed(body, reason) {
      if (typeof body === 'object' && body !== null) shedBodies.add(body);
      metrics.shed(requestKind(body), reason);
    },
    // Turned away in front of Bolt (busy-before-bolt.ts): never reaches processEvent, so counted here.
    onAnsweredBeforeBolt(body, seconds) {
      metrics.request(requestKind(body), 'shed', seconds);
    },
  };
}
