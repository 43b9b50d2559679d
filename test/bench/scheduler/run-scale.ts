import { schedulerAtScale } from './scale';
import { machine, printSection } from './support';

/** `node dist/test/bench/scheduler/run-scale.js`: the scale bench alone. */
async function main(): Promise<void> {
  process.stdout.write(`machine: ${machine()}\n\n`);
  for (const section of await schedulerAtScale()) printSection(section);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
