import type { IncomingMessage, RequestListener } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/** Slack's documented replay window: a request timestamp more than five minutes from local time is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * Whether `x-slack-request-timestamp` is a whole number of seconds within the window on EITHER side
 * of now. Bolt refuses only stale timestamps; a timestamp far in the future would let a captured
 * request be replayed for as long as the future lasts, so it is refused too.
 */
export function timestampInWindow(header: string | string[] | undefined, nowMs: number): boolean {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return false;
  return Math.abs(Number(raw) - Math.floor(nowMs / 1000)) <= SIGNATURE_WINDOW_SECONDS;
}

/**
 * Puts the timestamp check in front of Bolt's own signature check, for the Slack endpoint only
 * (custom routes such as /healthz carry no signature). Rejected requests get Bolt's answer to a bad
 * signature: 401 with an empty body, before the body is even read.
 */
export function guardTimestampWindow(receiver: HTTPReceiver, options: { path?: string; now?: () => number } = {}): void {
  const path = options.path ?? '/slack/events';
  const now = options.now ?? Date.now;
  const inner: RequestListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (isSlackPost(req, path) && !timestampInWindow(req.headers['x-slack-request-timestamp'], now())) {
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    inner(req, res);
  };
}

/**
 * For HTTPReceiver's customPropertiesExtractor: Slack's signed timestamp on the context, where load
 * shedding reads how long a request waited before this process got to it.
 */
export function slackTimestampProperty(req: IncomingMessage): { slackRequestTimestamp?: number } {
  const raw = req.headers['x-slack-request-timestamp'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) ? { slackRequestTimestamp: value } : {};
}

/**
 * The path exactly as Bolt's HTTPReceiver routes it (WHATWG URL parsing: `/slack/./events` and
 * `/x/../slack/events` are `/slack/events` to it), so no spelling of the endpoint gets past the
 * check. A URL Bolt cannot parse either is left to Bolt, which routes it nowhere.
 */
export function isSlackPost(req: IncomingMessage, path: string): boolean {
  if ((req.method ?? '').toUpperCase() !== 'POST') return false;
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname === path;
  } catch {
    return false;
  }
}
