/**
 * A process with the bot's shutdown and three parts: one that never stops, one that stops at once,
 * and the database last. Prints "ready", then what stopped, one line each.
 */
import pino from 'pino';
import { installShutdown } from '../../src/shutdown';

const say = (line: string) => process.stdout.write(`${line}\n`);
installShutdown(pino({ level: 'silent' }), [
  [
    { name: 'hung', stop: () => new Promise<void>(() => undefined), withinMs: 300 },
    { name: 'quick', stop: async () => void say('quick stopped') },
  ],
  { name: 'database', stop: async () => void say('database closed'), withinMs: 1_000 },
]);
setInterval(() => undefined, 60_000);
say('ready');
