/**
 * A proxy in front of the bot (nginx, a cloud load balancer) keeps idle connections to it for up to a
 * minute and reuses them. Node closes idle connections after 5 s by default: a reuse racing that close
 * fails (the proxy answers Slack 502), and a burst has to open new connections, which a busy process
 * accepts only one per turn of its event loop. The bot keeps them open longer than the proxy does.
 */
import { Agent, request } from 'node:http';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../../src/slack/keep-alive';
import { type Harness, startHarness } from '../../support/harness';

let h: Harness;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  agent.destroy();
  await h.close();
});

function healthz(): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.bot.baseUrl}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('keeps an idle connection open past Node’s 5 s default, longer than a proxy’s 60 s', async () => {
  expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
  expect(await healthz()).toEqual({ status: 200, reusedSocket: false });
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  expect(await healthz()).toEqual({ status: 200, reusedSocket: true });
}, 15_000);
