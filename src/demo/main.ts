import { exitOnStartupError } from '../cli/fatal';
import { ACTS } from './acts';
import { createWorld } from './world';

/**
 * `npm run demo`: plays a mentorship against a local Slack stand-in and the embedded database,
 * printing what each person would see. No Slack account, no database server. Each act is one
 * feature (src/demo/acts/index.ts lists them).
 */
async function main(): Promise<void> {
  const world = await createWorld();
  try {
    process.stdout.write(
      'Mentorship bot demo: Maria mentors Theo. Everything below went through the real bot,\nsigned like Slack, into a local Slack stand-in.\n',
    );
    for (const act of ACTS) await act.play(world);
    process.stdout.write('\nDemo finished.\n');
  } finally {
    await world.close();
  }
}

main().catch(exitOnStartupError);
