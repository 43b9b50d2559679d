import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { migrations } from '../../migrations';
import { exitOnStartupError } from '../cli/fatal';
import { parseFlags, UsageError } from '../cli/flags';
import { createPgliteDb, type Db } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { ACTS } from '../demo/acts';
import { untilQuiet } from '../demo/wait';
import { createWorld, PEOPLE, type World } from '../demo/world';

const USAGE = `Usage: npm run dev [-- --acts N]

The demo's world for working on the bot without a Slack account: the real bot on an embedded database
(in memory) and a local Slack stand-in. It plays the demo's acts, then takes commands on this terminal.
node --watch restarts it whenever a source file changes, so the transcript shows the change.

Options:
  --acts N     play the first N of the demo's ${ACTS.length} acts (${ACTS.map((act) => act.name).join(', ')}); default all, 0 for none
  -h, --help   print this help and exit

Commands: <person> <subcommand>   e.g. "theo goals", "maria status" (people: ${Object.keys(PEOPLE).join(', ')})
          <person> home           the person opens the bot's Home tab
          tick                    one scheduler pass at the world's clock
          help`;

/** A migrated embedded database, loaded from a dump kept per set of migrations: a restart costs about a second, not an initdb. */
async function migratedDatabase(): Promise<Db> {
  const cache = join(process.env.DATA_DIR ?? './.data', 'dev');
  const dump = join(cache, `template-${Object.keys(migrations).length}-${Object.keys(migrations).at(-1)}.tar`);
  if (existsSync(dump)) return createPgliteDb({ loadDataDir: new Blob([readFileSync(dump)]) });
  const db = await createPgliteDb({});
  await migrateToLatest(db.kysely);
  mkdirSync(cache, { recursive: true });
  writeFileSync(dump, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  return db;
}

async function perform(world: World, line: string): Promise<void> {
  const [who = '', ...rest] = line.trim().split(/\s+/);
  if (who === '') return;
  if (who === 'help') return void process.stdout.write(`${USAGE.slice(USAGE.indexOf('Commands:'))}\n`);
  if (who === 'tick') {
    const report = await world.bot.scheduler.runPass(world.clock.now);
    await untilQuiet(world);
    world.transcript.checkpoint();
    return void process.stdout.write(`tick: planned ${report?.planned ?? 0}, sent ${report?.dispatch.sent ?? 0}\n`);
  }
  const person = PEOPLE[who as keyof typeof PEOPLE];
  if (!person) return void process.stdout.write(`unknown person or command "${who}" (type help)\n`);
  if (rest[0] === 'home') {
    await world.driver.appHomeOpened(person.id);
    await untilQuiet(world);
    return world.transcript.checkpoint({ home: person.id });
  }
  const answer = await world.driver.command(person.id, rest.join(' ').replace(/^\/mentorship\s*/, ''));
  if (answer.json) world.transcript.ephemeral(person.id, answer.json);
  await untilQuiet(world);
  world.transcript.checkpoint();
}

async function main(): Promise<void> {
  const { acts } = parseFlags('dev', process.argv.slice(2), { acts: { type: 'string' } }, USAGE);
  const count = acts === undefined ? ACTS.length : Number(acts);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`dev: --acts takes a number from 0 to ${ACTS.length}`);
  const world = await createWorld({ db: await migratedDatabase() });
  // node --watch stops the old process with SIGTERM before it starts the new one.
  const stop = () => void world.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (const act of ACTS.slice(0, count)) await act.play(world);
  await untilQuiet(world);
  world.transcript.checkpoint();
  process.stdout.write(`\nReady: the bot runs against the stand-in. Try "theo goals" or "maria home" (help lists the commands).\n> `);
  const input = createInterface({ input: process.stdin });
  for await (const line of input) {
    await perform(world, line).catch((error: unknown) => process.stdout.write(`failed: ${(error as Error).message}\n`));
    process.stdout.write('> ');
  }
}

main().catch(exitOnStartupError);
