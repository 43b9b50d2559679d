import { ConfigError } from '../config';
import { DataDirBusyError } from '../db/data-dir-lock';
import { UsageError } from './flags';

/** Configuration problems end the process with one clear line; anything else is a real crash. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`startup failed: ${message.replace(/xox[abpr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g, '[redacted]')}\n`);
  }
  process.exit(1);
}
