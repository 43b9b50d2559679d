import type { Server } from 'node:http';

/**
 * How long an idle connection stays open: longer than a proxy keeps one (nginx's upstream keep-alive
 * and cloud load balancers default to 60 s). Node's 5 s would close a connection just as the proxy
 * reuses it, which the proxy answers with a 502, and would make a burst open new connections, which a
 * busy process accepts only one per turn of its event loop (docs/security.md).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node asks for a headers timeout above the keep-alive one, or it can cut a reused connection short.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
