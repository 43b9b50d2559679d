/**
 * The HTTP side of the stand-in: decoding what the WebClient and Bolt's respond() send, and answering
 * with Slack's status codes, including the injected faults (429, 500, hangs, dropped sockets).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, Json, RecordedCall } from './types';

export interface Outcome {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

/** A request that reached a real method: faults and rate limits apply before (or after) `apply`. */
export interface Call {
  method: string;
  args: Json;
  /** The workspace whose token made the call (recorded, so tests can tell workspaces apart). */
  teamId?: string;
  apply: () => Outcome;
  /** Checked only when no fault is injected, e.g. the rate limiter. */
  precheck?: () => Outcome | undefined;
}

export interface FrontDeps {
  takeFault: (method: string, args: Json) => Fault | undefined;
  record: (method: string, args: Json) => RecordedCall;
  sleep: (ms: number) => Promise<void>;
}

// Fields the WebClient JSON-encodes inside form bodies.
const JSON_FIELDS = ['blocks', 'view', 'metadata', 'attachments'];

/**
 * A call's arguments and token, from a form (token in the Authorization header or the body) or, as
 * Slack takes for write methods, a JSON body, whose token must be in the header: a JSON body Slack
 * could not read is `invalid_json`, and one without that header `not_authed`.
 */
export async function readArgs(req: IncomingMessage): Promise<{ args: Json; token?: string; encoding: 'json' | 'form'; refused?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = String(req.headers['content-type'] ?? '');
  const auth = String(req.headers.authorization ?? '');
  const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
  let args: Json;
  if (type.startsWith('application/json')) {
    try {
      args = raw ? JSON.parse(raw) : {};
    } catch {
      return { args: {}, encoding: 'json', refused: 'invalid_json' };
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return { args: {}, encoding: 'json', refused: 'invalid_json' };
    if (bearer === undefined) return { args, encoding: 'json', refused: 'not_authed' };
  } else {
    args = Object.fromEntries(new URLSearchParams(raw));
    if (typeof args.payload === 'string') args = { ...args, ...tryJson(args.payload) };
  }
  for (const field of JSON_FIELDS) if (typeof args[field] === 'string') args[field] = tryJson(args[field]) ?? args[field];
  const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
  delete args.token;
  return { args, token, encoding: type.startsWith('application/json') ? 'json' : 'form' };
}

export function send(res: ServerResponse, out: Outcome): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...out.headers });
  res.end(JSON.stringify(out.body));
}

/** Runs a call the way Slack would answer it under the injected fault, recording what happened. */
export async function runCall(deps: FrontDeps, call: Call, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rec = deps.record(call.method, call.args);
  if (call.teamId) rec.teamId = call.teamId;
  const finish = (out: Outcome, error?: string): void => {
    rec.ok = error === undefined && out.status === 200 && out.body.ok === true;
    const err = error ?? (rec.ok ? undefined : String(out.body.error ?? `http_${out.status}`));
    if (err !== undefined) rec.error = err;
    else delete rec.error;
    send(res, out);
  };
  const fault = deps.takeFault(call.method, call.args);
  if (!fault) return finish(call.precheck?.() ?? call.apply());
  if ('error' in fault) return finish({ status: 200, body: { ok: false, error: fault.error } });
  if ('status' in fault && fault.status === 429) return finish(rateLimited(fault.retryAfterSeconds));
  if ('status' in fault) {
    if (fault.afterApplying) call.apply();
    return finish({ status: 500, body: { ok: false, error: 'internal_error' } }, 'http_500');
  }
  if ('dropConnection' in fault) {
    if (fault.afterApplying) call.apply();
    rec.ok = false;
    rec.error = 'connection_dropped';
    req.socket.destroy();
    return;
  }
  // Hang: with afterApplying the work is done now and only the answer is late (the ambiguous case a
  // client timeout cannot tell apart); without it nothing happens unless the client is still waiting.
  let gone = false;
  res.on('close', () => {
    gone = !res.writableFinished;
  });
  rec.error = 'pending';
  const early = fault.afterApplying ? call.apply() : undefined;
  await (fault.release ? Promise.race([deps.sleep(fault.hangMs), fault.release]) : deps.sleep(fault.hangMs));
  if (gone || res.destroyed) {
    rec.ok = false;
    rec.error = 'client_gone';
    return;
  }
  finish(early ?? call.apply());
}

export function rateLimited(retryAfterSeconds: number): Outcome {
  return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(retryAfterSeconds) } };
}

function tryJson(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
