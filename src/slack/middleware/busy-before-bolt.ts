import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type BufferedIncomingMessage, defaultBodyLimit, HTTPModuleFunctions, type HTTPReceiver, isRawBodyError, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../logger';
import { webApiFetch } from '../web-api-transport';
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
 * read handed over so it is not read twice. The body is read and parsed with Bolt's own functions.
 */
export function turnAwayBeforeBolt(receiver: HTTPReceiver, shedder: Pick<LoadShedder, 'refusal' | 'noteTurnedAway'>, options: BusyBeforeBoltOptions): void {
  const path = options.path ?? '/slack/events';
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const bolt = receiver.requestListener;

  const answerBusy = async (req: IncomingMessage, res: ServerResponse, refusal: Refusal, started: number): Promise<void> => {
    let buffered: BufferedIncomingMessage;
    try {
      // Keeps the body on the request (rawBody), where Bolt looks for it before reading the stream.
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit);
    } catch (error) {
      if (!isRawBodyError(error)) throw error;
      res.writeHead(error.statusCode).end();
      return;
    }
    const body = signedSlackForm(buffered, options.signingSecret);
    if (body === null) return bolt(buffered, res);
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

/**
 * The request's payload when the form carries Slack's valid signature and parses (a command's fields,
 * or an interaction's JSON `payload`); null for anything else, which Bolt then answers as it always has
 * (an `ssl_check`, which is unsigned, included).
 */
function signedSlackForm(req: BufferedIncomingMessage, signingSecret: string): BusyPayload | null {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string') return null;
  const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
  if (!isValidSlackRequest({ signingSecret, body: req.rawBody.toString(), headers })) return null;
  try {
    const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody(req);
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

/** The private "busy" note for a button pressed in a message, which its empty ack does not show. */
async function sendFollowUp(followUp: BusyFollowUp, logger: Logger): Promise<void> {
  try {
    await webApiFetch(followUp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(followUp.message),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    logger.debug({ err: error }, 'response_url refused the "busy" note');
  }
}
