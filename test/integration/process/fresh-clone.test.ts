import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { freePort, launch, runToEnd } from '../../support/processes';
import { eventually } from '../../support/wait';

/**
 * SLOW (about 40-60 s on two busy cores): the operator scripts as they run where no dev dependency is
 * installed (the Docker image). The files the Dockerfile copies go into a temporary folder, the image's
 * build (tsconfig.image.json) is compiled into it, `npm ci --omit=dev` installs the production
 * dependencies only (from npm's cache), and then `npm run migrate`, `npm run tick` and `npm start` must
 * work there without TypeScript. Always on the embedded database, in its own DATA_DIR.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SHIPPED = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.image.json', 'manifest.yml', 'src', 'migrations'];
const TOKEN = 'xoxb-fresh';
let clone: string;
let standIn: SlackStandIn;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, NODE_OPTIONS: _vmModules, ...rest } = process.env;
  return { ...rest, DATA_DIR: join(clone, 'data'), LOG_LEVEL: 'info', npm_config_update_notifier: 'false', ...extra };
}
const npm = (args: string[], extra?: Record<string, string>) => runToEnd('npm', ['--silent', ...args], { cwd: clone, env: env(extra) });

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'mentorship-clone-'));
  for (const path of SHIPPED) cpSync(join(ROOT, path), join(clone, path), { recursive: true });
  // The build and the install touch different folders: run them side by side.
  const tsc = [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.image.json'), '--outDir', join(clone, 'dist')];
  const [build, install] = await Promise.all([
    runToEnd(process.execPath, tsc, { cwd: ROOT }),
    runToEnd('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, env: env() }),
  ]);
  expect(build).toMatchObject({ code: 0 });
  expect({ code: install.code, stderr: install.stderr }).toEqual({ code: 0, stderr: '' });
  standIn = await SlackStandIn.start({ botToken: TOKEN, teamId: 'T0FRESH' });
}, 150_000);

afterAll(async () => {
  await standIn?.stop();
  rmSync(clone, { recursive: true, force: true });
});

it('copies what the Dockerfile copies into the image, and compiles what its build stage compiles', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.indexOf(' AS runtime'));
  const copied = [...runtime.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(' '));
  expect(copied.length).toBeGreaterThan(0);
  for (const path of copied) expect(SHIPPED.some((shipped) => path === shipped || path.startsWith(`${shipped}/`))).toBe(true);
  expect(runtime).toContain('COPY --from=build /app/dist ./dist');
  expect(dockerfile).toMatch(/^RUN npm run build:image$/m);
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['build:image']).toBe('tsc -p tsconfig.image.json');
});

it('installs without TypeScript and builds an image holding no stand-in, demo, bench, chaos or test code', () => {
  expect(existsSync(join(clone, 'node_modules/typescript'))).toBe(false);
  const built = files(join(clone, 'dist')).map((file) => relative(join(clone, 'dist'), file));
  expect(built).toContain('src/main.js');
  expect(built.filter((file) => /^(test\/|src\/(devtools|demo)\/)/.test(file))).toEqual([]);
  const requires = built
    .filter((file) => file.endsWith('.js'))
    .filter((file) => /require\("[^"]*(devtools|demo|test\/)/.test(readFileSync(join(clone, 'dist', file), 'utf8')));
  expect(requires).toEqual([]);
});

it('prints the usage of tick and migrate for --help, exits 0 and opens no database', async () => {
  for (const command of ['tick', 'migrate']) {
    const result = await npm(['run', command, '--', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${command}`));
  }
  expect(existsSync(join(clone, 'data'))).toBe(false);
}, 30_000);

it('refuses an unknown flag of tick and migrate with one line and exit status 2', async () => {
  const tick = await npm(['run', 'tick', '--', '--now=2026-12-01T09:00:00Z', '--dry']);
  expect(tick.code).toBe(2);
  expect(tick.stderr).toBe('tick: unknown option --dry (`npm run tick -- --help` lists the options)\n');
  const migrate = await npm(['run', 'migrate', '--', 'now']);
  expect(migrate.code).toBe(2);
  expect(migrate.stderr).toBe('migrate: unexpected argument now (`npm run migrate -- --help` lists the options)\n');
  expect(existsSync(join(clone, 'data'))).toBe(false);
}, 30_000);

it('migrates, runs one pass and serves the bot from the build alone', async () => {
  const migrate = await npm(['run', 'migrate']);
  expect(migrate).toMatchObject({ code: 0, stderr: '' });
  expect(migrate.stdout).toContain('"msg":"migrations applied"');

  const tick = await npm(['run', 'tick', '--', '--now', '2026-12-01T09:00:00Z'], { SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: standIn.apiUrl, LOG_LEVEL: 'warn' });
  expect(tick).toMatchObject({ code: 0, stderr: '' });
  expect(tick.stdout).toMatch(/^tick 2026-12-01T09:00:00\.\d{3}Z: planned 0, claimed 0, sent 0$/m);

  const port = await freePort();
  // A process group of its own, as a terminal or a service manager signals npm and the bot together.
  const bot = launch('npm', ['--silent', 'start'], {
    cwd: clone,
    detached: true,
    env: env({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'fresh-secret', SLACK_API_URL: standIn.apiUrl, PORT: String(port), SCHEDULER_ENABLED: 'false' }),
  });
  try {
    await eventually(() => bot.output.stdout.includes('mentorship bot started'), 40_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  } finally {
    process.kill(-bot.child.pid!, 'SIGTERM');
  }
  // npm itself dies of the signal; the bot finishes its shutdown and says so.
  const signalled = Date.now();
  await bot.exited;
  expect(Date.now() - signalled).toBeLessThan(10_000);
  expect(bot.output.stdout).toContain('"msg":"stopped"');
  expect(bot.output.stderr).toBe('');
}, 120_000);
