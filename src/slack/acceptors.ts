import { createServer, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';

/** Listening sockets on the bot's port, the HTTP server's own included, where Node can share a port. */
export const ACCEPTORS = 8;

/**
 * Whether `listen` takes `reusePort` (Node 22.12 and 23.1 onwards; the image runs 24). Node 20 ignores
 * the option, and a second socket on the port would fail with EADDRINUSE.
 */
export function supportsReusePort(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major >= 23 ? !(major === 23 && minor < 1) : major === 22 && minor >= 12;
}

/**
 * libuv (1.45 and later, so Node 20 and 24 alike) accepts one new connection per listening socket per
 * turn of the event loop, and under load a turn takes 10-30 ms: a burst of new connections then waits
 * in the kernel's accept queue, where load shedding cannot see it, for seconds. With SO_REUSEPORT the
 * kernel spreads new connections over several listening sockets on the port, each accepted once per
 * turn, so `ACCEPTORS` sockets accept that many connections a turn. Each extra socket hands what it
 * accepts to the HTTP server, which serves it as its own. The server must already listen with
 * `reusePort: true`. Where Node cannot share the port, nothing is added.
 */
export async function addAcceptors(server: Server, count = ACCEPTORS - 1): Promise<Acceptors> {
  const address = server.address();
  let handedOver = 0;
  const extras: NetServer[] = [];
  const acceptors: Acceptors = { listening: () => 1 + extras.length, handedOver: () => handedOver, close: () => extras.forEach((extra) => extra.close()) };
  if (!supportsReusePort() || address === null || typeof address === 'string') return acceptors;
  for (let i = 0; i < count; i++) {
    const extra = createServer((socket) => {
      handedOver += 1;
      server.emit('connection', socket);
    });
    await new Promise<void>((resolve, reject) => {
      extra.once('error', reject);
      extra.listen({ port: address.port, host: address.address, backlog: 4096, reusePort: true } as Parameters<NetServer['listen']>[0], () => {
        extra.off('error', reject);
        resolve();
      });
    });
    extras.push(extra);
  }
  return acceptors;
}

export interface Acceptors {
  /** Listening sockets on the port, the HTTP server's own included. */
  listening(): number;
  /** Connections the extra sockets accepted and handed to the HTTP server. */
  handedOver(): number;
  /** Stops the extra sockets listening; the HTTP server keeps the connections they accepted. */
  close(): void;
}
