import { exitOnStartupError } from '../cli/fatal';
import { home } from './acts/home';
import { goals } from './acts/goals';
import { meetings } from './acts/meetings';
import { pairSetup } from './acts/pair-setup';
import { practice } from './acts/practice';
import { reminders } from './acts/reminders';
import { createWorld, type World } from './world';

/**
 * `npm run demo`: plays a mentorship against a local Slack stand-in and the embedded database,
 * printing what each person would see. No Slack account, no database server. Each act is one
 * feature; later features add their act to this list.
 */
const ACTS: Array<(world: World) => Promise<void>> = [pairSetup, goals, meetings, reminders, practice, home];

async function main(): Promise<void> {
  const world = await createWorld();
  try {
    process.stdout.write('Mentorship bot demo: Maria mentors Theo. Everything below went through the real bot,\nsigned like Slack, into a local Slack stand-in.\n');
    for (const act of ACTS) await act(world);
    process.stdout.write('\nDemo finished.\n');
  } finally {
    await world.close();
  }
}

main().catch(exitOnStartupError);
