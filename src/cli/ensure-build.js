// Runs before `npm start`, `npm run tick`, `npm run migrate` (and demo, bench, chaos), which all run the
// compiled JavaScript in dist/. Where TypeScript is installed (a checkout with its dev dependencies) it
// brings dist/ up to date with an incremental `tsc -b`; where it is not (the Docker image,
// `npm ci --omit=dev`), it only checks that the build is there. Loading the compiler alone takes about
// half a second, so when no source is newer than the last build it is not started at all: an external
// cron runs `npm run tick` every minute.
// Plain JavaScript, because it has to run before any build exists and where no compiler is installed.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const entry = process.argv[2] ?? 'dist/src/main.js';
const built = existsSync(join(root, entry));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// What tsconfig.build.json compiles, and the file tsc -b writes when it has built them.
const SOURCES = ['src', 'migrations', 'test/bench', 'test/chaos', 'test/support', 'tsconfig.json', 'tsconfig.build.json'];
const BUILD_INFO = join(root, 'dist', 'tsconfig.build.tsbuildinfo');

/** Only what tsc reads counts: it leaves its build info as it was when some other file changed. */
function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(path) ? stat.mtimeMs : 0;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

function upToDate() {
  const info = statSync(BUILD_INFO, { throwIfNoEntry: false });
  return built && info !== undefined && SOURCES.every((source) => newestChange(join(root, source)) <= info.mtimeMs);
}

if (existsSync(tsc) && !upToDate()) {
  // tsc -b trusts its build info, so an output deleted by hand comes back only with --force.
  const args = [tsc, '-b', join(root, 'tsconfig.build.json'), ...(built ? [] : ['--force'])];
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(status ?? 1);
} else if (!built) {
  process.stderr.write(
    `${entry} is missing and TypeScript is not installed to build it: run npm ci (with the dev dependencies) first, or use the Docker image\n`,
  );
  process.exit(1);
}
