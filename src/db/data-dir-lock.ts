import type * as NativeLocksModule from 'fs-native-extensions';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Raised when the embedded database is already open in another process, or cannot be locked. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

export const LOCK_FILE = 'mentorship-bot.lock';

/**
 * PGlite is single-process and has no lock of its own: two processes writing one data directory
 * corrupt it. This process takes an exclusive OS lock on a file in the directory and holds it for
 * its life. On Linux it is an open-file-description lock (fcntl F_OFD_SETLK, through
 * fs-native-extensions; flock on macOS, LockFileEx on Windows): the kernel decides, not a pid that
 * two containers on one volume can share (both are PID 1), and it is released when the process ends,
 * however it ends (kill -9 included), so there is nothing stale to recover. Anything but a clear
 * "granted" (the lock refused, the file system unable to lock) refuses to open. The file is never
 * deleted: deleting it would let a process lock a new file while another holds the old one.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const fd = openSync(path, 'a+');
  let granted: boolean;
  try {
    granted = nativeLocks().tryLock(fd);
  } catch (error) {
    closeSync(fd);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DataDirBusyError(
      `DATA_DIR: could not lock ${dataDir} (${reason}), so the embedded database is not opened; set DATABASE_URL to use a PostgreSQL instead`,
    );
  }
  if (!granted) {
    const holder = readFileSync(path, 'utf8').trim();
    closeSync(fd);
    throw new DataDirBusyError(
      `DATA_DIR: the embedded database in ${dataDir} is in use by another process${holder ? ` (${holder})` : ''}; set DATABASE_URL to share a PostgreSQL between processes`,
    );
  }
  // Who holds it, for the message another process prints; the lock, not this text, is what counts.
  ftruncateSync(fd, 0);
  writeSync(fd, `pid ${process.pid} on ${hostname()}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      nativeLocks().unlock(fd);
    } finally {
      closeSync(fd);
    }
  };
}

type NativeLocks = typeof NativeLocksModule;

/** Loaded on first use: a process on PostgreSQL never needs the native addon. */
function nativeLocks(): NativeLocks {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  return require('fs-native-extensions') as NativeLocks;
}
