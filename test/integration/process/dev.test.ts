import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/wait';

/**
 * `npm run dev` without the watcher: the demo's world on a terminal. It must answer a person's command
 * with what they would see in Slack, keep a migrated template for fast restarts, and stop on SIGTERM
 * (what node --watch sends before it restarts it).
 */
const ROOT = join(__dirname, '..', '..', '..');
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mentorship-dev-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('answers commands typed as a person with what they would see, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/devtools/dev.ts'), '--acts', '0'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    // The embedded database and every module compiled on load: slow on a busy machine.
    await eventually(() => stdout.includes('Ready:'), 90_000);
    child.stdin.write('maria help\n');
    await eventually(() => stdout.includes('Maria (mentor) sees:') && stdout.includes('/mentorship pair'), 15_000);
    child.stdin.write('nobody help\n');
    await eventually(() => stdout.includes('unknown person or command "nobody"'), 5_000);
    expect(readdirSync(join(dataDir, 'dev'))).toEqual([expect.stringMatching(/^template-\d+-.+\.tar$/)]);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 120_000);
