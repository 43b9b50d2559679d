import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bare HTTP server in place of Slack's Web API, for tests of the Web API clients themselves: it
 * records every request as it came (`seen`) and answers as the test says (`answer`), or not at all.
 */
export interface BareWebApi {
  apiUrl: string;
  seen: Array<{ url?: string; headers: IncomingMessage['headers']; body: string }>;
  answer: (request: IncomingMessage, body: string, response: ServerResponse) => void;
}

/** One server for the test file (started before its tests, closed after), with `seen` emptied before each test. */
export function useBareWebApi(): BareWebApi {
  const api: BareWebApi = { apiUrl: '', seen: [], answer: () => undefined };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      api.seen.push({ url: request.url, headers: request.headers, body });
      api.answer(request, body, response);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (api.seen.length = 0));
  return api;
}

/** Answers with a JSON body, as Slack does. */
export function answerJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
