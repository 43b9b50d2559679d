import { spawn } from 'node:child_process';
import { createServer, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';

/** Descriptors the event loop accepts new connections on, the HTTP server's own included. */
export const ACCEPTORS = 8;

/**
 * The listening socket's accept queue. A burst of new connections must not overflow Node's default of
 * 511 (the kernel caps it at net.core.somaxconn): a dropped SYN costs the sender a 1 s retransmit.
 */
export const LISTEN_BACKLOG = 4096;

/**
 * libuv (1.45 and later: Node 20 and 24 alike) accepts one new connection per listening descriptor per
 * turn of the event loop, and under load a turn takes 10-30 ms: a burst of new connections then waits
 * in the kernel's accept queue, where load shedding cannot see it, for seconds. Several descriptors of
 * the same socket, each watched by the loop, accept that many connections a turn from its one queue.
 *
 * Node has no dup(), but a descriptor sent over an IPC channel arrives as a new one: a helper process
 * is handed the server's socket and sends it back `count` times, and leaves when the bot lets go of it.
 * It never listens, so it accepts nothing. Each copy hands what it accepts to the HTTP server, which serves it as its own.
 * Sharing the port between sockets (SO_REUSEPORT, Node 22.12 and later) would accept as many a turn,
 * but a second bot started on the port by mistake would then silently take part of the traffic; with
 * one socket it fails with EADDRINUSE, and this works on every Node the bot supports.
 *
 * If the helper cannot run or does not answer in time, the server accepts on fewer descriptors
 * (`listening()` says how many), as it would without this.
 *
 * Starting the helper forks this process, whose pages are then copied as it next writes them: once, at
 * start-up, for a heap of about 100 MB (measured on a Firecracker VM: 0.9 s of CPU after a fork at 256 MB).
 */
export async function addAcceptors(server: Server, options: AcceptorOptions = {}): Promise<Acceptors> {
  const { count = ACCEPTORS - 1, timeoutMs = 5000, onAcceptError = () => undefined } = options;
  let handedOver = 0;
  const extras: NetServer[] = [];
  const acceptors: Acceptors = { listening: () => 1 + extras.length, handedOver: () => handedOver, close: () => extras.forEach((extra) => extra.close()) };
  // The libuv handle of the listening socket: what Node's own cluster module passes between processes.
  const socket = (server as unknown as { _handle?: object | null })._handle;
  if (!socket || count < 1) return acceptors;
  const copies = await copiesOf(socket, count, timeoutMs);
  for (const [index, copy] of copies.entries()) {
    const extra = createServer((connection) => {
      handedOver += 1;
      server.emit('connection', connection);
    });
    try {
      await acceptOn(extra, copy);
    } catch {
      // Node closed the copy that failed; the ones not tried yet are closed here.
      for (const unused of copies.slice(index + 1)) closeHandle(unused);
      break;
    }
    // A failed accept (too many open files) leaves the socket listening and the connection queued.
    extra.on('error', onAcceptError);
    extras.push(extra);
  }
  return acceptors;
}

/** listen() on a copy keeps the socket listening; the backlog is the socket's, so it is given again. */
function acceptOn(extra: NetServer, copy: object): Promise<void> {
  return new Promise((resolve, reject) => {
    extra.once('error', reject);
    extra.listen(copy, LISTEN_BACKLOG, () => {
      extra.off('error', reject);
      resolve();
    });
  });
}

export interface AcceptorOptions {
  /** Descriptors to add to the server's own (default: up to `ACCEPTORS` in all). */
  count?: number;
  /** How long the helper may take to send them (default 5 s). */
  timeoutMs?: number;
  /** An accept on an extra descriptor failed; without a listener it would end the process. */
  onAcceptError?: (error: Error) => void;
}

export interface Acceptors {
  /** Descriptors accepting new connections, the HTTP server's own included. */
  listening(): number;
  /** Connections the extra descriptors accepted and handed to the HTTP server. */
  handedOver(): number;
  /** Stops the extra descriptors accepting; the HTTP server keeps the connections they accepted. */
  close(): void;
}

/**
 * The helper's whole program: it sends the handle it is given back `count` times. It leaves when the bot
 * closes the channel; its listener keeps it until then (the handles go one at a time, each acknowledged).
 */
const COPIER = "process.on('message', (count, handle) => { for (let i = 0; i < count; i++) process.send('copy', handle); });";

/** `count` new descriptors of `socket`, or as many as arrived within `timeoutMs`. */
function copiesOf(socket: object, count: number, timeoutMs: number): Promise<object[]> {
  return new Promise((resolve) => {
    const copies: object[] = [];
    let settled = false;
    // No environment: the helper must not load what NODE_OPTIONS asks of the bot (a profiler, a loader).
    const helper = spawn(process.execPath, ['-e', COPIER], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} });
    const done = (): void => {
      settled = true;
      clearTimeout(timer);
      // Closing the channel ends the helper; one that does not answer is stopped.
      if (helper.connected) helper.disconnect();
      if (copies.length < count) helper.kill();
      resolve(copies);
    };
    const timer = setTimeout(done, timeoutMs);
    helper.on('message', (_message, copy) => {
      // One that comes after the wait ended is not used, and must not stay open.
      if (settled && copy) closeHandle(copy);
      else if (copy) copies.push(copy);
      if (!settled && copies.length === count) done();
    });
    // Could not start, or gone: whatever copies arrived are used.
    helper.on('error', done);
    helper.on('exit', done);
    try {
      helper.send(count, socket as Parameters<typeof helper.send>[1]);
    } catch {
      done();
    }
  });
}

/** Closes a handle no server took (a libuv handle's own close), so its descriptor does not stay open. */
function closeHandle(handle: object): void {
  (handle as { close?: () => void }).close?.();
}
