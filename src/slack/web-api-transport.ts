import { STATUS_CODES } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import { request } from 'undici';

/**
 * The transport of the bot's Web API clients: undici's `request` instead of the platform's `fetch`.
 * Every interaction ends in a Web API call (a modal, a DM, a Home), and `fetch` wraps each request
 * and response body in WHATWG streams: in profiles of `/mentorship agenda` it was the largest item
 * after the database, and measured alone it costs about 0.5 ms more CPU per call than `request` on
 * this kind of machine. Bodies are small JSON, read whole, so nothing is lost by not streaming.
 * A multipart upload (a FormData body) still goes through `fetch`, which encodes it. A `views.*`
 * answer comes back with its view cut to its ids and hash (`withViewOutline`, below).
 *
 * Behaviour the Web API client relies on is kept: redirects are not followed (Slack's API never
 * redirects; the client refuses any status but 200 and 429), the abort signal carries the client's
 * timeout, and a network failure rejects, which the client wraps as `slack_webapi_request_error`.
 */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export const webApiFetch: FetchFunction = async (url, init = {}) => {
  if (init.body !== undefined && typeof init.body !== 'string') return fetch(url, init);
  const response = await request(url, {
    method: (init.method ?? 'GET') as 'GET' | 'POST',
    headers: init.headers,
    body: init.body,
    signal: init.signal,
  });
  const received = Buffer.from(await response.body.arrayBuffer());
  const bytes = response.statusCode === 200 && VIEW_METHOD.test(String(url)) ? withViewOutline(received) : received;
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const text = () => bytes.toString('utf8');
  const result: FetchResponse = {
    ok: response.statusCode >= 200 && response.statusCode < 300,
    status: response.statusCode,
    statusText: STATUS_CODES[response.statusCode] ?? '',
    url: String(url),
    headers,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
  return result;
};

/** Web API methods whose answer repeats the whole view the bot just sent. */
const VIEW_METHOD = /\/views\.(open|push|update|publish)$/;

/** What the bot may read of a view Slack answers with: its ids and hash, never its content, which the bot built. */
const VIEW_OUTLINE = [
  'id',
  'team_id',
  'type',
  'callback_id',
  'external_id',
  'hash',
  'root_view_id',
  'previous_view_id',
  'app_id',
  'app_installed_team_id',
  'bot_id',
] as const;

/**
 * The answer of a `views.*` call with its view cut to the outline above. Slack repeats the whole view
 * (10-50 KB for a modal or a Home tab), and the Web API client (8.x) copies every answer recursively
 * and serialises the copy for a debug line before it looks at the log level: measured alone, 0.2 ms of
 * CPU for a 13 KB modal, on every modal opened and every Home published. The bot never reads a view's
 * content from an answer (it sent it; a person's input arrives in their submission), so nothing is
 * lost. An answer that is not JSON, not ok or has no view object stays as Slack sent it.
 */
export function withViewOutline(body: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  let answer: unknown;
  try {
    answer = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (!isRecord(answer) || answer.ok !== true || !isRecord(answer.view)) return body;
  const view = answer.view;
  const outline = Object.fromEntries(VIEW_OUTLINE.filter((key) => key in view).map((key) => [key, view[key]]));
  return Buffer.from(JSON.stringify({ ...answer, view: outline }), 'utf8');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
