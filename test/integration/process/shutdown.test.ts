import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '../../support/wait';

const ROOT = join(__dirname, '..', '..', '..');

it('on SIGTERM, a part that does not stop in its time is left behind: the database still closes and the process exits 0 at once', async () => {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'test/support/shutdown-script.ts')], { cwd: ROOT });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await eventually(() => stdout.includes('ready'), 30_000);
  const started = Date.now();
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(stdout.trim().split('\n')).toEqual(['ready', 'quick stopped', 'database closed']);
}, 60_000);
