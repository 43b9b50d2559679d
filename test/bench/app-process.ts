/**
 * One app under test, in its own process: `real` is the bot exactly as `npm start` wires it (signature
 * checks, middleware, services, PGlite or PostgreSQL, pino at info), through src/devtools/local-bot.ts,
 * with one SLACK_BOT_TOKEN (`real-oauth`: the same bot serving the workspaces installed in its database);
 * `bare` is the floor: a Bolt app on the same receiver with the same signature and timestamp checks,
 * whose listeners only ack.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { App, HTTPReceiver } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/open';
import { PairsService } from '../../src/domain/pairs/pairs.service';
import { createEffectsRecorder } from '../../src/slack/effects/recorder';
import { startLocalBot } from '../../src/devtools/local-bot';
import { DEFAULT_HOME_WINDOW_MS } from '../../src/slack/home-publisher';
import { DEFAULT_WATCHERS_BATCH_MS } from '../../src/slack/home-watchers';
import { boltLogger, createLogger } from '../../src/logger';
import { AgendaModal, COMMAND, GoalModal, NotesModal, PairModal } from '../../src/slack/ids';
import { createServices } from '../../src/services';
import { seedSpread, type SpreadWorld } from './spread';
import { ensureUpcomingFor } from '../../src/domain/meetings/upcoming';
import { guardTimestampWindow } from '../../src/slack/middleware/timestamp-window';
import { INTERACTIVE_CLIENT_OPTIONS } from '../../src/slack/client-options';
import { BENCH_CHANNEL, BENCH_OAUTH, BENCH_SECRET, BENCH_TEAM, BENCH_TOKEN, BENCH_USERS, type FromChild, type ToChild } from './protocol';

const [kind, apiUrl, database] = process.argv.slice(2);

/** Statements sent to PostgreSQL by this process (pg's Client.query), so the report can say how many a request costs. */
let queries = 0;
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
/** BENCH_SQL=1: which statements, by text, so a count that grows can be explained (written to stderr on stop). */
const statements = new Map<string, number>();
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  queries += 1;
  if (process.env.BENCH_SQL) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 160);
    statements.set(text, (statements.get(text) ?? 0) + 1);
  }
  return pgQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
const send = (message: FromChild): void => void process.send?.(message);
// Logs go where `npm start` sends them, stdout (here /dev/null): their cost is part of what is measured.
const logger = createLogger(process.env.LOG_LEVEL ?? 'info');

/** `database` is a postgres:// URL or the embedded database's data directory. */
const config = (where: string): DatabaseConfig => (/^postgres(ql)?:/.test(where) ? { kind: 'postgres', url: where } : { kind: 'pglite', dataDir: where });

/**
 * Migrates and seeds the database in a process of its own, as a deployment would have done before
 * the bot restarts on it: PGlite's first start (initdb) grows its WebAssembly heap by ~500 MB that is
 * never returned, which would otherwise be charged to the app under test.
 */
async function prepare(where: string): Promise<SpreadWorld> {
  const db = await openDatabase(config(where));
  const firstDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const person = (u: { id: string; realName: string; tz: string }) => ({ userId: u.id, displayName: u.realName, timeZone: u.tz, isBot: false, deleted: false });
  // The pair every "already a pair" submission runs into; creating it also stores both people.
  const seeded = await new PairsService(
    db.kysely,
    () => new Date(),
    createEffectsRecorder(() => new Date()),
  ).create(
    {
      teamId: BENCH_TEAM,
      createdBy: BENCH_USERS.maria.id,
      mentorId: BENCH_USERS.maria.id,
      menteeId: BENCH_USERS.theo.id,
      goalsChannelId: BENCH_CHANNEL.id,
      cadence: 'weekly',
      firstDate,
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: person(BENCH_USERS.maria), mentee: person(BENCH_USERS.theo) },
  );
  if (!seeded.ok) throw new Error(`seeding the bench pair failed: ${JSON.stringify(seeded.errors)}`);
  // Its next meeting and the mark the planning pass keeps (pairs.upcoming_valid_until), as a running
  // deployment's scheduler leaves them within a minute of the pair's creation.
  const maria = await db.kysely.selectFrom('pairs').selectAll().where('mentor_id', '=', BENCH_USERS.maria.id).execute();
  for (const [pairId, until] of await ensureUpcomingFor(db.kysely, maria, new Date())) {
    await db.kysely.updateTable('pairs').set({ upcoming_valid_until: until }).where('id', '=', pairId).execute();
  }
  const clock = () => new Date();
  const world = await seedSpread(db, createServices(db.kysely, clock, createEffectsRecorder(clock)), clock());
  // The planner's statistics, which a deployment's autovacuum keeps. Without them (PostgreSQL here runs
  // with autovacuum off, and nothing analyzes a new database) a person's pairs were found by reading all
  // the workspace's pairs, not the two by-person indexes: several times the database's work per command.
  await sql`analyze`.execute(db.kysely);
  await db.close();
  return world;
}

interface Started {
  url: string;
  stop: () => Promise<void>;
  /** Cancels the outbox rows not yet taken for sending; how many (the bare app has none). */
  cancelSends: () => Promise<number>;
}

async function startReal(install: 'single' | 'oauth'): Promise<Started> {
  const db = await openDatabase(config(database!), { migrate: false });
  await db.warm?.(); // as src/main.ts does
  // Home refreshes coalesced over production's window, not the short one tests use.
  const bot = await startLocalBot({
    db,
    apiUrl: apiUrl!,
    ...(install === 'oauth' ? { oauth: BENCH_OAUTH } : { botToken: BENCH_TOKEN }),
    signingSecret: BENCH_SECRET,
    logger,
    clock: () => new Date(),
    homeWindowMs: DEFAULT_HOME_WINDOW_MS,
    homeWatchersBatchMs: DEFAULT_WATCHERS_BATCH_MS,
    acceptors: true, // as npm start has
  });
  if (process.env.BENCH_DEBUG) {
    const server = (bot.slackApp.app as unknown as { receiver: { server?: Server } }).receiver.server;
    const served: number[] = [];
    server?.prependListener('request', (_req, res) => {
      const at = performance.now();
      res.on('finish', () => served.push(performance.now() - at));
    });
    // The longest any query had waited for a connection, sampled every 50 ms (load shedding's db_wait signal).
    let dbWaitMax = 0;
    setInterval(() => (dbWaitMax = Math.max(dbWaitMax, db.poolStats?.().oldestWaitMs ?? 0)), 50).unref();
    setInterval(() => {
      if (served.length === 0) return;
      served.sort((a, b) => a - b);
      process.stderr.write(
        `[real] server-side ${served.length} answered, p50 ${served[Math.floor(served.length / 2)]!.toFixed(1)} p99 ${served[Math.floor(served.length * 0.99)]!.toFixed(1)} max ${served.at(-1)!.toFixed(0)} ms; database wait up to ${dbWaitMax.toFixed(0)} ms\n`,
      );
      served.length = 0;
      dbWaitMax = 0;
    }, 1000).unref();
  }
  return {
    url: bot.eventsUrl,
    stop: async () => {
      await bot.stop();
      await db.close();
    },
    cancelSends: async () => {
      const { numAffectedRows } = await sql`update outbox set state = 'cancelled', last_error = 'bench: left by an earlier run'
        where state = 'pending'`.execute(db.kysely);
      return Number(numAffectedRows ?? 0);
    },
  };
}

async function startBare(): Promise<Started> {
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, logger: boltLogger(logger) });
  guardTimestampWindow(receiver);
  const app = new App({
    token: BENCH_TOKEN,
    receiver,
    logger: boltLogger(logger),
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl, ...INTERACTIVE_CLIENT_OPTIONS },
  });
  app.command(COMMAND, async ({ ack }) => ack());
  for (const callbackId of [PairModal.callbackId, AgendaModal.callbackId, GoalModal.callbackId, NotesModal.callbackId])
    app.view(callbackId, async ({ ack }) => ack());
  await app.init();
  const server = (await app.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    cancelSends: async () => 0,
    stop: async () => {
      await app.stop();
    },
  };
}

async function main(): Promise<void> {
  if (kind === 'prepare') {
    const world = await prepare(apiUrl!);
    process.send?.({ type: 'prepared', world } satisfies FromChild, () => process.exit(0));
    return;
  }
  const started = kind === 'real' ? await startReal('single') : kind === 'real-oauth' ? await startReal('oauth') : await startBare();
  process.on('message', (message: ToChild) => {
    if (message.type === 'stop') {
      if (process.env.BENCH_SQL) {
        const lines = [...statements].sort((a, b) => b[1] - a[1]).map(([text, count]) => `${String(count).padStart(7)}  ${text}`);
        process.stderr.write(`[${kind}] statements by text:\n${lines.join('\n')}\n`);
      }
      void started.stop().finally(() => process.exit(0));
    }
    if (message.type === 'memory') send({ type: 'memory', usage: process.memoryUsage() });
    if (message.type === 'cancel-sends') void started.cancelSends().then((count) => send({ type: 'sends-cancelled', count }));
    if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', ms: (user + system) / 1000, systemMs: system / 1000, queries });
    }
  });
  send({ type: 'ready', url: started.url });
  if (process.env.BENCH_DEBUG && kind !== 'bare') {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    setInterval(() => {
      process.stderr.write(`[${kind}] loop delay mean ${(histogram.mean / 1e6).toFixed(1)} max ${(histogram.max / 1e6).toFixed(1)} ms\n`);
      histogram.reset();
    }, 1000).unref();
  }
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  process.exit(1);
});
