/**
 * A busy event loop accepts one new connection per listening descriptor per turn (libuv 1.45+). The bot
 * accepts on several descriptors of its one listening socket, and every connection they accept is
 * served by the one HTTP server.
 */
import { createServer, request, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { ACCEPTORS, addAcceptors, type Acceptors, LISTEN_BACKLOG } from '../../../src/slack/acceptors';

let server: Server;
let acceptors: Acceptors;

beforeAll(async () => {
  server = createServer((req, res) => res.end(`served ${req.url}`));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve));
  acceptors = await addAcceptors(server);
});
afterAll(async () => {
  acceptors.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const port = (): number => (server.address() as { port: number }).port;

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // A new connection each time (no agent), as a burst from a proxy opens them.
    const req = request({ port: port(), host: '127.0.0.1', path, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Keeps the event loop from running, as a burst of work would: connections meanwhile queue in the kernel. */
function holdTheLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

it(`accepts on ${ACCEPTORS} descriptors of one socket`, () => {
  expect(acceptors.listening()).toBe(ACCEPTORS);
});

it('accepts several queued connections in one turn of the event loop, and serves each of them', async () => {
  let turn = 0;
  let counting = true;
  const nextTurn = (): void => {
    turn += 1;
    if (counting) setImmediate(nextTurn);
  };
  const acceptedInTurn = new Map<number, number>();
  const onConnection = (): void => void acceptedInTurn.set(turn, (acceptedInTurn.get(turn) ?? 0) + 1);
  server.on('connection', onConnection);
  const handedOverBefore = acceptors.handedOver();

  setImmediate(nextTurn);
  const answers = Array.from({ length: 40 }, (_, i) => get(`/${i}`));
  // After the connects, which Node starts on the next tick: their handshakes complete in the kernel.
  process.nextTick(() => holdTheLoop(200));
  try {
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 40 }, (_, i) => `served /${i}`));
  } finally {
    counting = false;
    server.off('connection', onConnection);
  }
  // One descriptor accepts one a turn: more in a turn means the copies took their share.
  expect(Math.max(...acceptedInTurn.values())).toBeGreaterThan(1);
  expect(acceptors.handedOver()).toBeGreaterThan(handedOverBefore);
});

it('keeps the port its own: a second server on it fails with EADDRINUSE', async () => {
  const second = createNetServer();
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    second.once('error', resolve);
    second.listen({ port: port(), host: '127.0.0.1' }, () => resolve(undefined));
  });
  if (second.listening) second.close();
  expect(failure?.code).toBe('EADDRINUSE');
});

it('stops the extra descriptors accepting when closed: new connections go to the others', async () => {
  const spare = await addAcceptors(server, { count: 2 });
  expect(spare.listening()).toBe(3);
  spare.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = spare.handedOver();
  const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => get(`/after/${i}`)));
  expect(answers).toEqual(Array.from({ length: 32 }, (_, i) => `served /after/${i}`));
  expect(spare.handedOver()).toBe(before);
});

it('accepts on the server’s own descriptor alone when the helper does not answer in time', async () => {
  const late = await addAcceptors(server, { count: 3, timeoutMs: 0 });
  expect(late.listening()).toBe(1);
  expect(await get('/alone')).toBe('served /alone');
});
