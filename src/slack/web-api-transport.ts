import { STATUS_CODES } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import { request } from 'undici';

/**
 * The transport of the bot's Web API clients: undici's `request` instead of the platform's `fetch`.
 * Every interaction ends in a Web API call (a modal, a DM, a Home), and `fetch` wraps each request
 * and response body in WHATWG streams: in profiles of `/mentorship agenda` it was the largest item
 * after the database, and measured alone it costs about 0.5 ms more CPU per call than `request` on
 * this kind of machine. Bodies are small JSON, read whole, so nothing is lost by not streaming.
 * A multipart upload (a FormData body) still goes through `fetch`, which encodes it.
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
  const bytes = Buffer.from(await response.body.arrayBuffer());
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
