import pino, { type Logger as PinoLogger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

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

const toBoltLevel: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Bolt's Logger interface, writing through pino so every line is JSON. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = toBoltLevel[logger.level] ?? LogLevel.INFO;
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
