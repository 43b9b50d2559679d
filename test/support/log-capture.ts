import pino from 'pino';
import type { Logger } from '../../src/logger';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface CapturedLogs {
  logger: Logger;
  lines: LogLine[];
  /** Lines at error level or above: a listener that threw, an unhandled rejection Bolt caught. */
  errors(): LogLine[];
  clear(): void;
}

/** A real pino logger whose JSON lines are kept in memory, so a test can assert what the app logged. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (chunk: string) => void lines.push(JSON.parse(chunk) as LogLine) });
  return {
    logger,
    lines,
    errors: () => lines.filter((line) => line.level >= 50),
    clear: () => void (lines.length = 0),
  };
}
