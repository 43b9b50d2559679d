import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { freePort, launch, type Running } from '../../support/processes';
import { eventually } from '../../support/wait';

/**
 * Socket Mode as an operator runs it: src/main.ts in its own process with SLACK_APP_TOKEN. The Slack
 * stand-in answers apps.connections.open with the URL of a WebSocket server run here, which speaks
 * Slack's side of the protocol: "hello" on connect, envelopes in, acks back.
 */
const ROOT = join(__dirname, '..', '..', '..');
const TEAM = 'T0SOCKET';
const BOT_TOKEN = 'xoxb-socket';
const APP_TOKEN = 'xapp-1-socket';
let standIn: SlackStandIn;
let sockets: WebSocketServer;
let dataDir: string;
const connections: WebSocket[] = [];
const acks: Array<{ envelope_id: string; payload?: unknown }> = [];

beforeAll(async () => {
  sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => sockets.once('listening', resolve));
  sockets.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => acks.push(JSON.parse(String(data))));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0SOCKET' } }));
  });
  standIn = await SlackStandIn.start({ botToken: BOT_TOKEN, teamId: TEAM });
  standIn.openSocketMode(APP_TOKEN, `ws://127.0.0.1:${(sockets.address() as { port: number }).port}/link`);
  dataDir = mkdtempSync(join(tmpdir(), 'mentorship-socket-'));
});
afterAll(async () => {
  for (const socket of sockets.clients) socket.terminate();
  await new Promise((resolve) => sockets.close(resolve));
  await standIn.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function startBot(port: number, appToken = APP_TOKEN): Running {
  return launch(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: 'false',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: appToken,
      SLACK_API_URL: standIn.apiUrl,
      PORT: String(port),
    },
  });
}

const health = (port: number) => fetch(`http://127.0.0.1:${port}/healthz`).then(async (res) => ({ status: res.status, body: await res.json() }));

it('serves /healthz on PORT, healthy only while the socket is connected, and answers commands over the socket', async () => {
  const port = await freePort();
  const bot = startBot(port);
  try {
    // A fresh embedded database and every module compiled on load: slow on a busy machine.
    await eventually(() => bot.output.stdout.includes('mentorship bot started'), 90_000);
    expect(standIn.callsTo('apps.connections.open').filter((call) => call.ok)).toHaveLength(1);
    expect(await health(port)).toEqual({ status: 200, body: { status: 'ok' } });

    connections[0]!.send(
      JSON.stringify({
        envelope_id: 'env-help',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'unused',
          team_id: TEAM,
          team_domain: 'socket',
          channel_id: 'DUASKER',
          channel_name: 'directmessage',
          user_id: 'UASKER',
          user_name: 'asker',
          command: '/mentorship',
          text: 'help',
          api_app_id: 'A0SOCKET',
          is_enterprise_install: 'false',
          response_url: standIn.issueResponseUrl('UASKER', 'DUASKER'),
          trigger_id: standIn.issueTriggerId('UASKER'),
        },
      }),
    );
    const ack = await eventually(() => acks.find((message) => message.envelope_id === 'env-help'), 10_000);
    expect(JSON.stringify(ack.payload)).toContain('/mentorship pair');

    // Slack drops the connection: unhealthy until the bot has reconnected (a fresh apps.connections.open).
    connections[0]!.terminate();
    await eventually(async () => (await health(port)).status === 503, 10_000);
    expect(await health(port)).toEqual({ status: 503, body: { status: 'unavailable' } });
    await eventually(async () => connections.length === 2 && (await health(port)).status === 200, 30_000);
    expect(standIn.callsTo('apps.connections.open').filter((call) => call.ok)).toHaveLength(2);
  } finally {
    bot.child.kill('SIGTERM');
  }
  expect(await bot.exited).toBe(0);
  const lines = bot.output.stdout.trim().split('\n');
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  expect(bot.output.stdout).not.toContain(APP_TOKEN);
  expect(bot.output.stdout).toContain('"msg":"socket mode connection lost"');
}, 150_000);

it('stops at start with one line when Slack refuses the app-level token', async () => {
  const bot = startBot(await freePort(), 'xapp-1-revoked');
  expect(await bot.exited).toBe(1);
  expect(bot.output.stderr.trim().split('\n')).toEqual(['SLACK_APP_TOKEN: Slack refused to open a socket (invalid_auth)']);
}, 60_000);
