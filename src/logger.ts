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
  'clientSecret',
  '*.clientSecret',
  'stateSecret',
  '*.stateSecret',
  'refreshToken',
  '*.refreshToken',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'databaseUrl',
  '*.databaseUrl',
];

/**
 * Standard output, written in batches: at most every 100 ms, or once 4 KB are waiting. pino's default
 * hands every line to a libuv worker thread for its own write; on a small virtual machine those
 * hand-offs (a worker woken, the event loop woken back) cost about 0.1 ms of CPU per line, a twentieth
 * of a whole `/mentorship agenda`. What is waiting is written before the process exits (pino flushes
 * it on `exit`), so only a process killed outright loses its last tenth of a second of lines.
 */
function standardOutput(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });
}

export function createLogger(level: string, destination: pino.DestinationStream = standardOutput()): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'mentorship-bot' } }, destination);
}

// xoxe: refresh tokens and rotated tokens ('xoxe-1-…', 'xoxe.xoxb-…').
const TOKEN_PATTERN = /xox[abpre][.-][A-Za-z0-9.-]+|xapp-[A-Za-z0-9-]+/g;
/**
 * From the first JSON object or array on: at debug level the Web API client logs whole request bodies
 * and results ("http request body: {…}"), the Socket Mode client every envelope it receives and
 * sends, and Bolt its acks; those carry what people typed (journal entries, agendas, feedback).
 */
const PAYLOAD_PATTERN = /[{[]\s*["{[][\s\S]*$/;
/** A line of the libraries' own is a short message; anything longer is cut, whatever it holds. */
const MAX_LIBRARY_LINE = 300;

/**
 * Bolt, the WebClient and the Socket Mode client log free-form strings: private text never reaches
 * the log from them, at any level. A payload is replaced by a marker, an object by its kind (an
 * Error by its name and message), tokens are scrubbed, and the line is capped.
 */
function scrub(parts: unknown[]): string {
  const line = parts
    .map((part) => (typeof part === 'string' ? part : describe(part)))
    .join(' ')
    .replace(TOKEN_PATTERN, '[redacted]')
    .replace(PAYLOAD_PATTERN, '[payload omitted]');
  return line.length > MAX_LIBRARY_LINE ? `${line.slice(0, MAX_LIBRARY_LINE)}…` : line;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`.replace(PAYLOAD_PATTERN, '[payload omitted]');
  if (value === null || typeof value !== 'object') return String(value);
  return '[object omitted]';
}

// Bolt's LogLevel values, written out: loading Bolt for its enum cost `npm run tick` and
// `npm run migrate`, which never use Bolt, about 0.3 s of start-up.
const DEBUG = 'debug' as LogLevel;
const INFO = 'info' as LogLevel;
const WARN = 'warn' as LogLevel;
const ERROR = 'error' as LogLevel;
const toBoltLevel: Record<string, LogLevel> = { trace: DEBUG, debug: DEBUG, info: INFO, warn: WARN, error: ERROR, fatal: ERROR, silent: ERROR };

/**
 * Bolt's Logger interface (which the WebClient and the Socket Mode client take too), writing through
 * pino so every line is JSON, with `scrub` applied to every line.
 */
export function boltLogger(logger: Logger, component = 'bolt'): BoltLogger {
  const child = logger.child({ component });
  let level = toBoltLevel[logger.level] ?? INFO;
  // Bolt and the WebClient call debug() several times per request; scrubbing (a join and a regex over
  // whole payloads) only pays off for lines that will be written.
  const at =
    (lvl: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
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
