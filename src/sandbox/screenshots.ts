import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exitOnStartupError } from '../cli/fatal';
import { parseFlags } from '../cli/flags';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from './browser';
import { SandboxPage } from './page-driver';
import { Sandbox } from './sandbox';
import { startSandboxServer } from './server';
import { agenda, goalApproved, home, pairSetUp, type Snap } from './tour';

const USAGE = `Usage: npm run screenshots

Plays a mentorship on the sandbox page in headless Chromium (${CHROMIUM_PATH}, Debian's package) and
saves what people see as PNGs in docs/screenshots/: the pair set-up modal, a goal approved in the goals
channel, the agenda DM and the Home tab. The README shows them; run it again whenever the UI changes.`;

const OUT = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** `npm run screenshots`: the sandbox on a free port, the same browser as the end-to-end test, four pictures. */
async function main(): Promise<void> {
  parseFlags('screenshots', process.argv.slice(2), {}, USAGE);
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium (and fonts-noto-color-emoji for the emoji)`);
  mkdirSync(OUT, { recursive: true });
  const sandbox = await Sandbox.start();
  const server = await startSandboxServer(sandbox, 0);
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    const p = new SandboxPage(page);
    await p.open(server.url);
    const snap: Snap = async (name) => {
      const path = join(OUT, `${name}.png`);
      // A modal is photographed alone (it is taller than the window); anything else as the window shows it.
      if (await p.modal.isVisible()) await page.locator('.modal-frame').screenshot({ path });
      else await page.screenshot({ path });
      process.stdout.write(`saved ${path}\n`);
    };
    await pairSetUp(p, snap);
    await goalApproved(p, snap);
    await agenda(p, snap);
    await home(p, snap);
  } finally {
    await chromium.close();
    await server.close();
    await sandbox.close();
  }
}

main().catch(exitOnStartupError);
