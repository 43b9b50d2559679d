/**
 * A busy event loop accepts one new connection per listening socket per turn (libuv 1.45+). Where Node
 * can share a port (reusePort), the bot listens on several sockets and every connection they accept is
 * served by the one HTTP server; elsewhere it listens on one, as before.
 */
import { createServer, request, type Server } from 'node:http';
import { ACCEPTORS, addAcceptors, type Acceptors, supportsReusePort } from '../../../src/slack/acceptors';

let server: Server;
let acceptors: Acceptors;

beforeAll(async () => {
  server = createServer((req, res) => res.end(`served ${req.url}`));
  await new Promise<void>((resolve) => server.listen({ port: 0, backlog: 4096, reusePort: supportsReusePort() } as Parameters<Server['listen']>[0], resolve));
  acceptors = await addAcceptors(server);
});
afterAll(async () => {
  acceptors.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string): Promise<string> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    // A new connection each time (no agent), as a burst from a proxy opens them.
    const req = request({ port, host: '127.0.0.1', path, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

it(`listens on ${ACCEPTORS} sockets where Node can share the port, on one elsewhere`, () => {
  expect(acceptors.listening()).toBe(supportsReusePort() ? ACCEPTORS : 1);
});

it('serves every connection, whichever socket accepted it, and spreads them where it can', async () => {
  const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => get(`/${i}`)));
  expect(answers).toEqual(Array.from({ length: 64 }, (_, i) => `served /${i}`));
  // The kernel spreads connections by their addresses: with 8 sockets, all 64 on one has odds of 8^-63.
  if (supportsReusePort()) expect(acceptors.handedOver()).toBeGreaterThan(0);
  else expect(acceptors.handedOver()).toBe(0);
});

it('stops the extra sockets listening when closed: new connections go to the others', async () => {
  const spare = await addAcceptors(server, 2);
  spare.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = spare.handedOver();
  const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => get(`/after/${i}`)));
  expect(answers).toEqual(Array.from({ length: 32 }, (_, i) => `served /after/${i}`));
  expect(spare.handedOver()).toBe(before);
});
