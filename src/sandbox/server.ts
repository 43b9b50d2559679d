import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { advanceClock } from './clock';
import { clickInMessage, clickInView, closeView, command, openHome, type Outcome, submit, typedMessage } from './interact';
import { SANDBOX_PEOPLE, sandboxPerson, type SandboxPerson } from './people';
import type { Sandbox } from './sandbox';
import { snapshot } from './snapshot';

/** The page's files: beside this module when run from source, in src/ when run from the build in dist/. */
const PAGE_DIR = [join(__dirname, 'page'), join(__dirname, '..', '..', '..', 'src', 'sandbox', 'page')].find((dir) => existsSync(dir))!;
const PAGE_FILES: Record<string, string> = { '/': 'index.html', '/sandbox.js': 'sandbox.js', '/sandbox.css': 'sandbox.css' };
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const value = z.union([z.string(), z.array(z.string()), z.null()]).optional();
const values = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));
const user = z.string().refine((id) => sandboxPerson(id) !== undefined, 'not a person of the sandbox');
const BODIES = {
  command: z.object({ user, channel: z.string(), text: z.string() }),
  message: z.object({ user, channel: z.string().optional(), text: z.string().min(1) }),
  'message-action': z.object({ user, channel: z.string(), ts: z.string(), actionId: z.string(), value }),
  'view-action': z.object({ user, viewId: z.string(), actionId: z.string().optional(), blockId: z.string().optional(), value, values: values.optional() }),
  submit: z.object({ user, viewId: z.string(), values }),
  close: z.object({ user, viewId: z.string() }),
  home: z.object({ user }),
  clock: z.object({ user, step: z.enum(['hour', 'day', 'next-meeting', 'pair-end']) }),
  reset: z.object({}),
};
type Route = keyof typeof BODIES;

const person = (id: string): SandboxPerson => sandboxPerson(id)!;

/** Each POST /api/<route>: what it does, and what the page is told (besides the new version). */
const ROUTES: { [R in Route]: (sandbox: Sandbox, body: z.infer<(typeof BODIES)[R]>) => Promise<Outcome> } = {
  command: (s, b) => command(s, person(b.user), b.channel, b.text.replace(/^\/mentorship\b\s*/, '')),
  message: (s, b) => typedMessage(s, person(b.user), b.channel, b.text),
  'message-action': (s, b) => clickInMessage(s, person(b.user), b.channel, b.ts, b.actionId, b.value),
  'view-action': (s, b) => clickInView(s, person(b.user), b.viewId, { actionId: b.actionId, blockId: b.blockId }, b.value, b.values),
  submit: (s, b) => submit(s, person(b.user), b.viewId, b.values),
  close: (s, b) => closeView(s, person(b.user), b.viewId),
  home: (s, b) => openHome(s, person(b.user)),
  clock: async (s, b) => {
    const at = await s.change((world) => advanceClock(world, b.step, b.user, () => s.stampArrivals()));
    if (at) return { clock: at.toISOString() };
    const name = person(b.user).displayName;
    return { notice: b.step === 'pair-end' ? `${name} has no mentorship going on.` : `${name} has no meeting coming up.` };
  },
  reset: async (s) => {
    await s.reset();
    return {};
  },
};

/**
 * The sandbox's HTTP server: the page (a static shell, its script and style) and a small JSON API.
 * GET /api/version is what pages poll; GET /api/state?user=&at= is one person's view of one place; every
 * POST acts through the bot and answers once the bot is quiet. Bound to 127.0.0.1 only.
 */
export async function startSandboxServer(sandbox: Sandbox, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(sandbox, req, res).catch((error: unknown) => sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => closeServer(server) };
}

async function handle(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  if (req.method === 'GET' && PAGE_FILES[url.pathname]) return sendFile(res, PAGE_FILES[url.pathname]!);
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  if (req.method === 'GET' && url.pathname === '/api/version') return sendJson(res, 200, { version: sandbox.version });
  if (req.method === 'GET' && url.pathname === '/api/state') {
    const who = sandboxPerson(url.searchParams.get('user') ?? '') ?? SANDBOX_PEOPLE[0];
    return sendJson(res, 200, snapshot(sandbox, who, url.searchParams.get('at') ?? ''));
  }
  const route = url.pathname.replace(/^\/api\//, '') as Route;
  if (req.method !== 'POST' || !url.pathname.startsWith('/api/') || !(route in BODIES)) return sendJson(res, 404, { error: 'not found' });
  const parsed = BODIES[route].safeParse(await readJson(req));
  if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
  try {
    const outcome = await (ROUTES[route] as (s: Sandbox, b: unknown) => Promise<Outcome>)(sandbox, parsed.data);
    sendJson(res, 200, { ...outcome, version: sandbox.version });
  } catch (error) {
    // What Slack's client would not let a person do (a view no longer open, a message gone): said, not crashed.
    sendJson(res, 409, { error: error instanceof Error ? error.message : String(error), version: sandbox.version });
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return undefined;
  }
}

function sendFile(res: ServerResponse, name: string): void {
  res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(join(PAGE_DIR, name)));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
