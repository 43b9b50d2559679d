import pino, { type Logger as PinoLogger } from 'pino';
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';

export type Logger = PinoLogger;

/** Anything that could carry a credential is redacted wherever it appears in a log object. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'databaseUrl',
  '*.databaseUrl',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'mentorship-bot' } }, destination);
}

const TOKEN_PATTERN = /xox[abpr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

/** Bolt and the WebClient log free-form strings; scrub anything shaped like a token before it reaches pino. */
function scrub(parts: unknown[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : safeStringify(part)))
    .join(' ')
    .replace(TOKEN_PATTERN, '[redacted]');
}

function safeStringify(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

// Bolt's LogLevel values, written out: loading Bolt for its enum cost `npm run tick` and
// `npm run migrate`, which never use Bolt, about 0.3 s of start-up.
const DEBUG = 'debug' as LogLevel;
const INFO = 'info' as LogLevel;
const WARN = 'warn' as LogLevel;
const ERROR = 'error' as LogLevel;
const toBoltLevel: Record<string, LogLevel> = { trace: DEBUG, debug: DEBUG, info: INFO, warn: WARN, error: ERROR, fatal: ERROR, silent: ERROR };

/** Bolt's Logger interface, writing through pino so every line is JSON. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = toBoltLevel[logger.level] ?? INFO;
  // Bolt and the WebClient call debug() several times per request; scrubbing (a join and a regex over
  // whole payloads) only pays off for lines that will be written.
  const at = (lvl: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (child.isLevelEnabled(lvl)) child[lvl](scrub(msg));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
