import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse as parseForm } from 'node:querystring';
import { type BufferedIncomingMessage, defaultBodyLimit, type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import { request } from 'undici';
import type { Logger } from '../../logger';
import { busyAnswer, type BusyFollowUp, type BusyPayload } from './busy-answer';
import type { LoadShedder, Refusal } from './shed-load';
import { isSlackPost } from './timestamp-window';

export interface BusyBeforeBoltOptions {
  signingSecret: string;
  logger: Logger;
  path?: string;
  /** Bolt's own limit on a request body (4 MB). */
  bodyLimit?: number;
  /** Told of each request answered here, and how long its answer took, in seconds (metrics). */
  onAnswered?: (body: unknown, seconds: number) => void;
}

/**
 * Load shedding in front of Bolt's HTTP receiver. A request Bolt takes costs its whole pipeline before
 * the shedding middleware can say "busy": buffering, parsing and verifying the body, then building the
 * context and running the middleware chain (1.0 ms of CPU for a 21 KB view submission on the bench
 * machine). When the process is behind, the requests waiting in its socket buffers then drain only a
 * little faster than new ones arrive, and those at the back are answered after Slack's 3 s. Here a form
 * post (a command or an interaction: never an event, which Bolt acknowledges whatever happens next) is
 * checked against the same bounds as soon as its headers arrive; one refused is read, its signature
 * verified, and answered "busy" without Bolt (0.53 ms for the same submission).
 *
 * Everything else goes to Bolt as before, including a refused request that is not a well-formed
 * signed Slack form (Bolt answers it as it always has: 401 for a bad signature), with the body already
 * read handed over so it is not read twice.
 */
export function turnAwayBeforeBolt(receiver: HTTPReceiver, shedder: Pick<LoadShedder, 'refusal' | 'noteTurnedAway'>, options: BusyBeforeBoltOptions): void {
  const path = options.path ?? '/slack/events';
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const bolt = receiver.requestListener;
  const toBolt = (req: IncomingMessage, res: ServerResponse, rawBody: Buffer): void => {
    (req as BufferedIncomingMessage).rawBody = rawBody;
    bolt(req, res);
  };

  const answerBusy = async (req: IncomingMessage, res: ServerResponse, refusal: Refusal, started: number): Promise<void> => {
    const rawBody = await readBody(req, bodyLimit);
    if (rawBody === null) {
      res.writeHead(413);
      res.end();
      return;
    }
    const body = signedSlackForm(req, rawBody.toString(), options.signingSecret);
    if (body === null) return toBolt(req, res, rawBody);
    shedder.noteTurnedAway(body, refusal);
    const answer = busyAnswer(body);
    if (answer.ack === undefined) res.writeHead(200).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.ack));
    options.onAnswered?.(body, (performance.now() - started) / 1000);
    if (answer.followUp) void sendFollowUp(answer.followUp, options.logger);
  };

  receiver.requestListener = (req, res) => {
    const started = performance.now();
    const refusal = isFormPost(req, path) ? shedder.refusal(Number(req.headers['x-slack-request-timestamp'])) : null;
    if (!refusal) return bolt(req, res);
    answerBusy(req, res, refusal, started).catch((error: unknown) => {
      options.logger.warn({ err: error }, 'could not answer a request turned away for load');
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

/** Commands and interactions are posted as forms; events (JSON) are left to Bolt. */
function isFormPost(req: IncomingMessage, path: string): boolean {
  return req.headers['content-type'] === 'application/x-www-form-urlencoded' && isSlackPost(req, path);
}

/** The body, or null past `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(length > limit ? null : Buffer.concat(chunks, length)));
    req.on('error', reject);
  });
}

/**
 * The request's payload when the form carries Slack's valid signature and one (a command's fields, or
 * an interaction's JSON `payload`); null for anything else, which Bolt then answers as it always has
 * (an `ssl_check`, which is unsigned, included).
 */
function signedSlackForm(req: IncomingMessage, text: string, signingSecret: string): BusyPayload | null {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string') return null;
  if (!isValidSlackRequest({ signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) {
    return null;
  }
  const form = parseForm(text);
  if (form.ssl_check !== undefined) return null;
  if (typeof form.payload !== 'string') return form;
  try {
    const payload: unknown = JSON.parse(form.payload);
    return typeof payload === 'object' && payload !== null ? payload : null;
  } catch {
    return null;
  }
}

/** The private "busy" note for a button pressed in a message, which its empty ack does not show. */
async function sendFollowUp(followUp: BusyFollowUp, logger: Logger): Promise<void> {
  try {
    const response = await request(followUp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(followUp.message),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    await response.body.dump();
  } catch (error) {
    logger.debug({ err: error }, 'response_url refused the "busy" note');
  }
}
