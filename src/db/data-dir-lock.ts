import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when the embedded database is already open in another process. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is single-process: two processes writing one data directory corrupt it. A pid file guards
 * the directory; a pid file left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'mentorship-bot.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirBusyError(
          `DATA_DIR: the embedded database in ${dataDir} is in use by another process (pid ${holder}); set DATABASE_URL to share a PostgreSQL between processes`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirBusyError(`DATA_DIR: could not lock ${dataDir}`);
}
