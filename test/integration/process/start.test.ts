import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackDriver } from '../../../src/devtools/slack-driver';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { SUBCOMMANDS } from '../../../src/slack/subcommands';
import { freePort } from '../../support/processes';
import { eventually } from '../../support/wait';

/**
 * `npm start` as an operator runs it: src/main.ts in its own process (through a tiny @swc/core
 * require hook, so no build is needed), configured only by environment variables.
 */
const ROOT = join(__dirname, '..', '..', '..');
const TEAM = 'T0START';
const TOKEN = 'xoxb-start';
const SECRET = 'start-secret';
let standIn: SlackStandIn;
let dataDir: string;

beforeAll(async () => {
  standIn = await SlackStandIn.start({ botToken: TOKEN, teamId: TEAM });
  dataDir = mkdtempSync(join(tmpdir(), 'mentorship-start-'));
});
afterAll(async () => {
  await standIn.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function startBot(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'info', SCHEDULER_ENABLED: 'false', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output, exited };
}

it('serves /mentorship help, /healthz and /metrics, refuses a bad signature, and stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  const metricsPort = await freePort();
  const bot = startBot({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
  });
  try {
    await eventually(() => bot.output.stdout.includes('mentorship bot started'), 90_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const driver = new SlackDriver({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, standIn, teamId: TEAM });
    const help = await driver.command('UASKER', 'help');
    expect(help.status).toBe(200);
    for (const sub of SUBCOMMANDS) expect(JSON.stringify(help.json)).toContain(`/mentorship ${sub.name}`);

    const forged = await driver.sendRaw('command=%2Fmentorship&text=help', {
      contentType: 'application/x-www-form-urlencoded',
      sign: { secret: 'not-the-secret' },
    });
    expect(forged.status).toBe(401);

    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^mentorship_slack_requests_total\{kind="command",outcome="(ok|shed)"\} 1$/m);

    // Every log line is JSON, and none carries the token or the signing secret.
    const lines = bot.output.stdout.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(bot.output.stdout).not.toContain(TOKEN);
    expect(bot.output.stdout).not.toContain(SECRET);
    // Its 8 descriptors accepting connections were made (src/slack/acceptors.ts warns otherwise).
    expect(bot.output.stdout).not.toContain('fewer descriptors');
  } finally {
    bot.child.kill('SIGTERM');
  }
  const started = Date.now();
  expect(await bot.exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
}, 120_000);

it('stops at start with one line naming a missing variable', async () => {
  const bot = startBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: standIn.apiUrl });
  expect(await bot.exited).toBe(1);
  expect(bot.output.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: /)]);
}, 30_000);

it('stops at start with one line when Slack rejects the token', async () => {
  const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.apiUrl, PORT: String(await freePort()) });
  expect(await bot.exited).toBe(1);
  expect(bot.output.stderr.trim().split('\n')).toEqual(['SLACK_BOT_TOKEN: Slack rejected the token (invalid_auth)']);
}, 30_000);
