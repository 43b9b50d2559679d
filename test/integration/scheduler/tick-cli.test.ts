import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/open';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { MEETING_AT, seedPairs } from './replicas';

/**
 * `npm run tick -- --now ISO` as an operator runs it: a separate process on the embedded database.
 * The sources run through a tiny @swc/core require hook, so the test needs no build.
 */
const ROOT = join(__dirname, '..', '..', '..');
const TEAM = 'T0TICK';
const TOKEN = 'xoxb-tick';
let dataDir: string;
let standIn: SlackStandIn;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mentorship-tick-'));
  standIn = await SlackStandIn.start({ botToken: TOKEN, teamId: TEAM });
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await seedPairs(db.kysely, standIn, 1, TEAM);
  } finally {
    await db.close();
  }
  // A new embedded database on disk (initdb in a child process) takes long on a busy machine.
}, 120_000);
afterAll(async () => {
  await standIn.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function tick(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: standIn.apiUrl, LOG_LEVEL: 'silent' };
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/cli/tick.ts'), ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const thanksPosts = () => standIn.callsTo('chat.postMessage').filter((call) => call.ok && /thanks|progress/.test(String(call.args.text)));

it('runs exactly one pass as of --now, sends what is due then, and exits 0', async () => {
  const result = await tick(['--now', new Date(MEETING_AT.getTime() + 65 * 60_000).toISOString()]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^tick 2026-12-01T15:05:00\.\d{3}Z: planned \d+, claimed 2, sent 2$/m);
  expect(thanksPosts()).toHaveLength(2);
}, 60_000);

it('sends nothing twice when run again for the same instant', async () => {
  const result = await tick([`--now=${new Date(MEETING_AT.getTime() + 65 * 60_000).toISOString()}`]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/claimed 0, sent 0/);
  expect(thanksPosts()).toHaveLength(2);
}, 60_000);

it('exits non-zero with one clear line when the embedded database is in use by another process', async () => {
  const held = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const result = await tick(['--now', '2026-12-01T16:05:00Z']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^DATA_DIR: .*in use by another process/);
  } finally {
    await held.close();
  }
}, 60_000);

it('refuses a malformed --now with one line', async () => {
  const result = await tick(['--now', 'tomorrow']);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toBe('--now: must be an ISO instant such as 2026-12-01T09:00:00Z\n');
}, 60_000);
