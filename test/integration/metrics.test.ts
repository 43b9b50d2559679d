import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Db } from '../../src/db/create-db';
import { startLocalBot, type LocalBot } from '../../src/devtools/local-bot';
import { SlackDriver } from '../../src/devtools/slack-driver';
import { SlackStandIn } from '../../src/devtools/slack-stand-in';
import { createMetrics } from '../../src/metrics/metrics';
import { serveMetrics } from '../../src/metrics/server';
import { planReminders } from '../../src/domain/reminders/plan';
import { anchoredClock } from '../../src/scheduler/scheduler';
import { AFTER_END, seedPairs } from './scheduler/replicas';
import { createTestDb } from '../support/test-db';
import { eventually } from '../support/wait';

/**
 * GET /metrics as Prometheus scrapes it: the real app and scheduler with a metrics object, a request
 * answered, one shed, reminders planned, a 429, then sent; each figure must move as it happened.
 */
const TEAM = 'T0METRICS';
const TOKEN = 'xoxb-metrics';
const SECRET = 'metrics-secret';
let db: Db;
let standIn: SlackStandIn;
let bot: LocalBot;
let server: Server;
let driver: SlackDriver;
const clock = anchoredClock(AFTER_END);

beforeAll(async () => {
  db = await createTestDb();
  standIn = await SlackStandIn.start({ botToken: TOKEN, teamId: TEAM });
  standIn.addUser({ id: 'UASKER', name: 'asker', tz: 'Europe/Berlin' });
  await seedPairs(db.kysely, standIn, 1, TEAM);
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics({ db: db.kysely, pool: db.poolStats, logger });
  bot = await startLocalBot({
    db,
    apiUrl: standIn.apiUrl,
    botToken: TOKEN,
    signingSecret: SECRET,
    logger,
    clock,
    metrics,
    maxEventLoopLagMs: Number.POSITIVE_INFINITY,
    // Far above what a busy test machine delays a request, far below the minute-old one the shedding test sends.
    maxRequestAgeMs: 10_000,
  });
  driver = new SlackDriver({ appUrl: bot.eventsUrl, signingSecret: SECRET, standIn, teamId: TEAM });
  server = await serveMetrics(metrics.registry, 0);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await bot.stop();
  await standIn.stop();
  await db.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The sum of a metric's samples whose labels include `labels`. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([key, val]) => line.includes(`${key}="${val}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

it('counts a request by kind and outcome and times its ack', async () => {
  const before = await scrape();
  expect(value(before, 'mentorship_slack_requests_total', { kind: 'command' })).toBe(0);
  const help = await driver.command('UASKER', 'help');
  expect(help.status).toBe(200);
  await bot.idle();
  const after = await scrape();
  expect(value(after, 'mentorship_slack_requests_total', { kind: 'command', outcome: 'ok' })).toBe(1);
  expect(value(after, 'mentorship_slack_ack_seconds_count', { kind: 'command' })).toBe(1);
  expect(value(after, 'mentorship_slack_ack_seconds_bucket', { kind: 'command', le: '3' })).toBe(1);
});

it('counts a request turned away by load shedding once, as shed, with the bound it passed', async () => {
  const body = new URLSearchParams({
    command: '/mentorship',
    text: 'help',
    team_id: TEAM,
    user_id: 'UASKER',
    channel_id: 'DUASKER',
    response_url: standIn.issueResponseUrl('UASKER', 'DUASKER'),
    trigger_id: standIn.issueTriggerId('UASKER'),
  });
  // Signed a minute ago: inside Slack's 5-minute window, but far older than any request seen before.
  const late = await driver.sendRaw(body.toString(), {
    contentType: 'application/x-www-form-urlencoded',
    sign: { timestamp: Math.floor(Date.now() / 1000) - 60 },
  });
  expect(late.text).toContain('busy');
  await bot.idle();
  const text = await scrape();
  expect(value(text, 'mentorship_slack_requests_shed_total', { kind: 'command', reason: 'request_age' })).toBe(1);
  expect(value(text, 'mentorship_slack_requests_total', { kind: 'command', outcome: 'shed' })).toBe(1);
  expect(value(text, 'mentorship_slack_requests_total', { kind: 'command' })).toBe(2);
});

it('shows the outbox filling, a 429, the sends by kind and outcome, and each pass', async () => {
  await planReminders(db.kysely, clock());
  const planned = await scrape();
  const pending = value(planned, 'mentorship_outbox_open_rows', { state: 'pending' });
  expect(pending).toBeGreaterThanOrEqual(2);
  expect(value(planned, 'mentorship_outbox_oldest_due_seconds')).toBeGreaterThan(0);

  standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
  await bot.scheduler.runPass(clock);
  const limited = await scrape();
  expect(value(limited, 'mentorship_slack_rate_limited_total')).toBe(1);
  expect(value(limited, 'mentorship_outbox_deliveries_total', { outcome: 'rate_limited' })).toBe(1);
  expect(value(limited, 'mentorship_scheduler_pass_seconds_count', { outcome: 'ok' })).toBe(1);

  // Retry-After is one second, for the whole workspace.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await bot.scheduler.runPass(clock);
  const sent = await eventually(async () => {
    const text = await scrape();
    return value(text, 'mentorship_outbox_deliveries_total', { outcome: 'sent' }) >= 2 && text;
  }, 5_000);
  expect(value(sent, 'mentorship_outbox_deliveries_total', { kind: 'thanks', outcome: 'sent' })).toBe(2);
  // Nothing left mid-send (the passes planned the pair's next meeting too, so pending is not simply 2 fewer).
  expect(value(sent, 'mentorship_outbox_open_rows', { state: 'sending' })).toBe(0);
  expect(value(sent, 'mentorship_scheduler_pass_seconds_count')).toBe(2);
});

it('includes the connection pool on PostgreSQL, and the Node process defaults', async () => {
  const text = await scrape();
  if (db.poolStats) expect(text).toMatch(/^mentorship_db_pool_connections\{state="in_use"\} \d+$/m);
  else expect(text).not.toContain('mentorship_db_pool_connections{');
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'])
    expect(text).toContain(`\n${name} `);
  const other = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  expect(other.status).toBe(404);
});
