import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/wait';

/**
 * The embedded database is single-process: two real processes on one DATA_DIR, as an operator would
 * run them (the bot and `npm run migrate`, or two containers on one volume).
 */
const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(ROOT, 'test/support/swc-register.js');
let dataDir: string;
const children: ChildProcess[] = [];

/** Two containers: each process is PID 1 of its own PID namespace (needs root, as CI has). */
const canUnshare = spawnSync('unshare', ['--pid', '--fork', '--kill-child', 'true']).status === 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mentorship-lock-'));
  expect((await migrate()).code).toBe(0);
}, 60_000);
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(command: string, args: string[]): { child: ChildProcess; output: { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output, exited };
}

const asContainer = (args: string[]): [string, string[]] =>
  canUnshare ? ['unshare', ['--pid', '--fork', '--kill-child', '--mount-proc', process.execPath, ...args]] : [process.execPath, args];

async function hold(container = false) {
  const args = ['-r', REGISTER, join(ROOT, 'test/support/hold-data-dir.ts'), dataDir];
  const holder = container ? run(...asContainer(args)) : run(process.execPath, args);
  await eventually(() => holder.output.stdout.includes('holding') || holder.output.stderr, 30_000);
  expect(holder.output.stderr).toBe('');
  return holder;
}

async function migrate(container = false): Promise<{ code: number | null; stderr: string }> {
  const args = ['-r', REGISTER, join(ROOT, 'src/cli/migrate.ts')];
  const started = container ? run(...asContainer(args)) : run(process.execPath, args);
  const code = await started.exited;
  return { code, stderr: started.output.stderr };
}

it('refuses a second process with one line while the first holds the data directory', async () => {
  const holder = await hold();
  const second = await migrate();
  expect(second.code).toBe(1);
  expect(second.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^DATA_DIR: the embedded database in .* is in use by another process \\(pid ${holder.child.pid} on .+\\)`)),
  ]);
}, 60_000);

(canUnshare ? it : it.skip)(
  'refuses a second process when both are PID 1, as in two containers on one volume',
  async () => {
    const holder = await hold(true);
    expect(holder.output.stdout).toBe('holding\n');
    const second = await migrate(true);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^DATA_DIR: .* is in use by another process \(pid 1 on /);
  },
  60_000,
);

it('opens at once after the holder was killed with SIGKILL: nothing stale is left to recover', async () => {
  const holder = await hold();
  holder.child.kill('SIGKILL');
  await holder.exited;
  const next = await migrate();
  expect(next.stderr).toBe('');
  expect(next.code).toBe(0);
}, 60_000);
