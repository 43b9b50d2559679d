import { exitOnStartupError } from '../cli/fatal';
import { parseFlags } from '../cli/flags';
import { Sandbox } from './sandbox';
import { startSandboxServer } from './server';

const USAGE = `Usage: npm run sandbox

A page on localhost that plays Slack around the real bot: act as a mentor, two mentees or a coordinator,
use their DMs with the bot, the goals channel, modals and the Home tab, and move the clock forward.
The bot runs in this process on an in-memory embedded database, talking to a local Slack stand-in:
no Slack account, no database server, no network. Stop it with Ctrl-C; nothing is kept.

Environment:
  SANDBOX_PORT   the page's port on 127.0.0.1 (default 3030; 0 picks a free one)`;

/** `npm run sandbox`: starts the world and the page, prints the address, and stops cleanly on Ctrl-C. */
async function main(): Promise<void> {
  parseFlags('sandbox', process.argv.slice(2), {}, USAGE);
  const port = Number(process.env.SANDBOX_PORT ?? 3030);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, not "${process.env.SANDBOX_PORT}"`);
  process.stdout.write('Starting the bot on an embedded database, with a local Slack stand-in…\n');
  const sandbox = await Sandbox.start();
  const server = await startSandboxServer(sandbox, port);
  process.stdout.write(`Sandbox ready: open ${server.url} (Ctrl-C stops it)\n`);
  const stop = () => {
    void server
      .close()
      .then(() => sandbox.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(exitOnStartupError);
