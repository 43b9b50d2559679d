import { STATUS_CODES } from 'node:http';
import {
  type Logger as SlackLogger,
  type WebAPICallResult,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type WebClientOptions,
} from '@slack/web-api';
import { request } from 'undici';
import { INTERACTIVE_CLIENT_OPTIONS } from './client-options';

/**
 * The write methods every interaction ends in, which Slack takes as JSON bodies (docs.slack.dev,
 * "Web API", JSON-encoded bodies, with the token in the Authorization header).
 */
const JSON_METHODS: ReadonlySet<string> = new Set([
  'views.open',
  'views.push',
  'views.update',
  'views.publish',
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.delete',
]);

/** Arguments the bot hands over as JSON text (web-api-json.ts): they go into the body as they are. */
const JSON_TEXT_ARGS: ReadonlySet<string> = new Set(['view', 'blocks', 'attachments', 'metadata']);

/** Where and for which workspace; `timeout` is INTERACTIVE_CLIENT_OPTIONS' unless given. */
export type LeanClientOptions = Pick<WebClientOptions, 'slackApiUrl' | 'teamId' | 'logger' | 'timeout'>;

/**
 * The interactive Web API client: a WebClient whose methods above are posted as one JSON body,
 * straight through undici, and every other method as WebClient posts it.
 *
 * WebClient (8.x) serialises each call's arguments and answer for debug lines at every log level,
 * form-encodes the view (a 13 KB modal becomes about 25 KB of percent escapes), and runs each call
 * through a queue and a retry wrapper that the interactive settings turn off anyway. Measured alone
 * on this machine (Node 24, a 14 KB modal, `views.open` against a local server): 0.49-0.63 ms of CPU
 * per call through WebClient, 0.21-0.26 ms as here. The bot makes one such call per interaction.
 *
 * What callers see is WebClient's, with INTERACTIVE_CLIENT_OPTIONS: the same method signatures, the
 * answer's JSON, no retries, a timeout, and the same errors (`slack_webapi_platform_error` with
 * Slack's answer, `slack_webapi_rate_limited_error` with Retry-After, `slack_webapi_http_error`,
 * `slack_webapi_request_error` wrapping a network failure or the timeout's TimeoutError).
 */
export class LeanWebClient extends WebClient {
  private readonly timeoutMs: number;
  private readonly workspace: string | undefined;
  private readonly log: SlackLogger | undefined;

  constructor(token: string, options: LeanClientOptions) {
    const timeoutMs = options.timeout ?? INTERACTIVE_CLIENT_OPTIONS.timeout;
    super(token, { ...INTERACTIVE_CLIENT_OPTIONS, ...options, timeout: timeoutMs });
    this.timeoutMs = timeoutMs;
    this.workspace = options.teamId;
    this.log = options.logger;
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    // A call with a token of its own (Bolt's auth.test) keeps WebClient's way.
    if (!JSON_METHODS.has(method) || options.token !== undefined) return super.apiCall(method, options);
    const answer = await this.post(method, jsonBody({ team_id: this.workspace, ...options }));
    // As WebClient does: Slack's warnings, and the [ERROR]/[WARN] lines that say which block it refused.
    for (const warning of answer.response_metadata?.warnings ?? []) this.log?.warn(`${method}: ${warning}`);
    for (const line of answer.response_metadata?.messages ?? []) {
      if (line.startsWith('[ERROR]')) this.log?.error(`${method}: ${line.slice('[ERROR]'.length).trim()}`);
      else if (line.startsWith('[WARN]')) this.log?.warn(`${method}: ${line.slice('[WARN]'.length).trim()}`);
    }
    if (!answer.ok) throw new WebAPIPlatformError(answer as WebAPICallResult & { error: string });
    return answer;
  }

  private async post(method: string, body: string): Promise<WebAPICallResult> {
    let response: Awaited<ReturnType<typeof request>>;
    let text: string;
    try {
      response = await request(`${this.slackApiUrl}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${this.token}` },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.body.text();
    } catch (error) {
      throw new WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    const { statusCode, headers } = response;
    if (statusCode === 429) {
      const retryAfter = Number.parseInt(String(headers['retry-after']), 10);
      if (Number.isNaN(retryAfter))
        throw new Error(`Retry header did not contain a valid timeout (url: ${method}, retry-after header: ${String(headers['retry-after'])})`);
      throw new WebAPIRateLimitedError(retryAfter);
    }
    if (statusCode !== 200) throw new WebAPIHTTPError(statusCode, STATUS_CODES[statusCode] ?? '', headers as Record<string, string>, text);
    try {
      return JSON.parse(text) as WebAPICallResult;
    } catch (error) {
      throw new WebAPIRequestError(new Error(`${method}: Slack's answer is not JSON (${String(error)})`));
    }
  }
}

/**
 * The arguments as one JSON object, as WebClient would send them in a form: missing values left out,
 * the JSON text of a view or blocks as it is (serialised once, by asJson), anything else serialised.
 */
export function jsonBody(args: Record<string, unknown>): string {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    const json = typeof value === 'string' && JSON_TEXT_ARGS.has(key) && /^\s*[[{]/.test(value) ? value : JSON.stringify(value);
    fields.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * A Bolt listener given the lean client in place of Bolt's own (the same token and workspace): how
 * every listener is registered (listeners/), so each interaction's Web API calls go through it. One
 * lean client per Bolt client, which Bolt keeps one of per workspace and token.
 */
export function withLeanClient<A extends { client: WebClient; context: { teamId?: string }; logger: SlackLogger }>(
  listener: (args: A) => Promise<void>,
): (args: A) => Promise<void> {
  return (args) => listener({ ...args, client: leanClientOf(args.client, args.context.teamId, args.logger) });
}

const made = new WeakMap<WebClient, WebClient>();

function leanClientOf(bolt: WebClient, teamId: string | undefined, logger: SlackLogger): WebClient {
  if (bolt.token === undefined) return bolt;
  let lean = made.get(bolt);
  if (!lean) {
    lean = new LeanWebClient(bolt.token, { slackApiUrl: bolt.slackApiUrl, teamId, logger });
    made.set(bolt, lean);
  }
  return lean;
}
