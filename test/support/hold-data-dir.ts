/**
 * A process that opens the embedded database in DATA_DIR (argv[2]) and holds it until it is killed:
 * the other process of the data-directory lock tests. Prints "holding" once the database is open.
 */
import { openDatabase } from '../../src/db/open';

openDatabase({ kind: 'pglite', dataDir: process.argv[2]! }, { migrate: false }).then(
  () => {
    process.stdout.write('holding\n');
    setInterval(() => undefined, 60_000);
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
