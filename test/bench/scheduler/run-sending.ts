import { sendingBench } from './sending';
import { machine, printSection } from './support';

/** `node dist/test/bench/scheduler/run-sending.js`: the sending bench alone. */
async function main(): Promise<void> {
  process.stdout.write(`machine: ${machine()}\n\n`);
  for (const section of await sendingBench()) printSection(section);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
