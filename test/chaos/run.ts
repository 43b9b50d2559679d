import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SlackStandIn } from '../../src/devtools/slack-stand-in';
import type { Fault } from '../../src/devtools/slack-stand-in';
import { seedBacklog } from '../bench/scheduler/backlog';
import { machine, scratchDatabase, type ScratchDb } from '../bench/scheduler/support';
import { bucketOf, type LedgerPost, seededRandom, type Tally, tally } from './ledger';
import { CHAOS_SIGNING_SECRET_ENV, type ReplicaListening } from './protocol';
import { committedMarkers, type SessionKind, sessionTally, startTraffic } from './traffic';

/**
 * `npm run chaos`: the crash test against the real PostgreSQL (DATABASE_URL). Four replica processes
 * dispatch a backlog across many workspaces; every KILL_EVERY_S one is killed with SIGKILL (by its pid)
 * and restarted; the stand-in drops 5% of chat.postMessage connections after posting, answers 2% with
 * a 500 after posting, hangs on 1% past the client timeout (after posting) and refuses 1% of
 * recipients for good. Counted from the stand-in's ledger: duplicates, losses, permanent failures,
 * recovery after each kill. Runs CHAOS_RUNS runs and one control run with the SDK's default retries,
 * which must show duplicates (the test bites). Exits non-zero on any duplicate or loss outside the control.
 *
 * Request side (not in the control run): the replicas also serve Slack's requests, and people of the
 * first workspace send thank-yous, agendas and meeting notes through signed requests to whichever
 * replica is alive (test/chaos/traffic.ts). Every acknowledged submission must be in the database,
 * and every notice it committed must reach its reader exactly once: notices are counted with the
 * reminders, from the same ledger.
 *
 * Environment: CHAOS_RUNS (3), CHAOS_CONTROL (1), CHAOS_KILL_PHASE_S (60), CHAOS_DRAIN_S (45),
 * CHAOS_KILL_EVERY_S (20), CHAOS_TEAMS (8), CHAOS_PAIRS_PER_TEAM (150), CHAOS_REQUESTS_PER_S (3), CHAOS_SEED.
 */
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONFIG = {
  runs: num('CHAOS_RUNS', 3),
  control: num('CHAOS_CONTROL', 1),
  killPhaseS: num('CHAOS_KILL_PHASE_S', 60),
  drainS: num('CHAOS_DRAIN_S', 45),
  killEveryS: num('CHAOS_KILL_EVERY_S', 20),
  teams: num('CHAOS_TEAMS', 8),
  pairsPerTeam: num('CHAOS_PAIRS_PER_TEAM', 150),
  seed: num('CHAOS_SEED', 20261122),
  requestsPerS: num('CHAOS_REQUESTS_PER_S', 3),
  replicas: 4,
};
const TOKEN = 'xoxb-chaos';
const SIGNING_SECRET = 'chaos-signing-secret';
const REPLICA_ENTRY = join(__dirname, 'replica.js');
const HANG_MS = 3_000; // past the replicas' 2 s request timeout

interface Kill {
  replica: string;
  atS: number;
  leased: number;
  recoveredS: number | null;
}

interface RunResult {
  label: string;
  control: boolean;
  tally: Tally;
  kills: Kill[];
  calls: number;
  faults: Record<string, number>;
  ledgerFile: string;
  drainedS: number | null;
  /** The notices (messages caused by requests) alone, out of `tally`. */
  notices: Tally;
  sessions: { outcomes: Record<string, number>; ackedNotCommitted: string[]; details: string[] };
}

const children = new Set<ChildProcess>();

async function main(): Promise<void> {
  process.stdout.write(`crash test: ${machine()}; ${JSON.stringify(CONFIG)}\n`);
  const results: RunResult[] = [];
  for (let run = 1; run <= CONFIG.runs; run += 1) results.push(await chaosRun(`run ${run}`, false, CONFIG.seed + run));
  for (let run = 1; run <= CONFIG.control; run += 1) results.push(await chaosRun(`control ${run} (SDK retries on)`, true, CONFIG.seed + 100 + run));
  printSummary(results);
  const bad = results.filter(
    (result) => !result.control && (result.tally.duplicates > 0 || result.tally.losses > 0 || result.sessions.ackedNotCommitted.length > 0),
  );
  const toothless = results.filter((result) => result.control && result.tally.duplicates === 0);
  if (toothless.length) process.stdout.write('\nThe control run showed no duplicates: the test did not prove it can catch them.\n');
  process.exitCode = bad.length > 0 || toothless.length > 0 ? 1 : 0;
}

async function chaosRun(label: string, control: boolean, seed: number): Promise<RunResult> {
  const db = await scratchDatabase('chaos', 4);
  const standIn = await SlackStandIn.start({ botToken: TOKEN, teamId: 'TCHAOS0' });
  const logFile = join(tmpdir(), `mentorship-chaos-${label.replace(/\W+/g, '-')}-${process.pid}.log`);
  const log = createWriteStream(logFile);
  const live = new Map<string, ChildProcess>();
  const urls = new Map<string, string>();
  const faults: Record<string, number> = {};
  try {
    const started = new Date(Date.now());
    const teams = Array.from({ length: CONFIG.teams }, (_, index) => `TCHAOS${index}`);
    const seeded = await seedBacklog(db.kysely, { teams, pairsPerTeam: CONFIG.pairsPerTeam, start: started });
    for (const person of seeded.people) standIn.addUser({ id: person.userId, name: person.userId.toLowerCase(), tz: seeded.zone });
    standIn.setFaultPolicy(faultPolicy(seed, faults));
    process.stdout.write(`\n${label}: ${seeded.reminders} reminders due across ${teams.length} workspaces\n`);

    let generation = 0;
    const startReplica = (slot: number) => {
      generation += 1;
      const name = `r${slot}-g${generation}`;
      const child = spawnReplica(name, db, standIn, control, log);
      child.on('message', (message: ReplicaListening) => {
        if (message.type === 'listening') urls.set(`r${slot}`, message.url);
      });
      live.set(`r${slot}`, child);
      return name;
    };
    const names = new Map<number, string>();
    for (let slot = 1; slot <= CONFIG.replicas; slot += 1) names.set(slot, startReplica(slot));
    const traffic = control ? undefined : await startRequests(standIn, urls, label);

    const t0 = Date.now();
    const kills: Kill[] = [];
    const recoveries: Array<Promise<void>> = [];
    for (let k = 1; k * CONFIG.killEveryS <= CONFIG.killPhaseS; k += 1) {
      await sleep(t0 + k * CONFIG.killEveryS * 1000 - Date.now());
      // The victim is a replica caught holding leased rows (within a few seconds), so each kill bites.
      const slot = await busySlot(db, names, ((k - 1) % CONFIG.replicas) + 1);
      const victim = live.get(`r${slot}`)!;
      const name = names.get(slot)!;
      urls.delete(`r${slot}`);
      await killHard(victim);
      const atS = (Date.now() - t0) / 1000;
      // The rows the dead replica still held: they go out once its lease runs out and another replica reconciles them.
      const leased = await leasedBy(db, name);
      const kill: Kill = { replica: name, atS, leased: leased.length, recoveredS: leased.length ? null : 0 };
      kills.push(kill);
      recoveries.push(watchRecovery(db, leased, kill));
      names.set(slot, startReplica(slot));
    }
    await sleep(t0 + CONFIG.killPhaseS * 1000 - Date.now());
    const sessions = (await traffic?.stop()) ?? [];
    // Drain: no more kills; wait until nothing due by now is still open.
    const cutoff = new Date();
    const drainStart = Date.now();
    let drainedS: number | null = null;
    while (Date.now() - drainStart < CONFIG.drainS * 1000) {
      if ((await openDueBy(db, cutoff)) === 0) {
        drainedS = (Date.now() - t0) / 1000;
        break;
      }
      await sleep(500);
    }
    await Promise.race([Promise.all(recoveries), sleep(1_000)]);
    await Promise.all([...live.values()].map(stopGently));

    // Every message to a person's DM: reminders, and notices addressed to a DM (posts in a channel and updates are not in the ledger).
    const rows = await sql<{ id: string; kind: string; state: string; last_error: string | null; due: boolean }>`
      select id, kind, state, last_error, due_at <= ${cutoff} as due from outbox
      where kind <> 'notice' or payload -> 'target' ->> 'type' = 'dm'`.execute(db.kysely);
    const posts = ledgerOf(standIn);
    const ledgerFile = join(tmpdir(), `mentorship-chaos-ledger-${label.replace(/\W+/g, '-')}-${process.pid}.jsonl`);
    await writeLines(
      ledgerFile,
      standIn
        .callsTo('chat.postMessage')
        .map((call) => JSON.stringify({ at: call.at, ok: call.ok, error: call.error, channel: call.args.channel, metadata: call.args.metadata })),
    );
    const finals = rows.rows.map((row) => ({ id: row.id, state: row.state, lastError: row.last_error, dueInRun: row.due }));
    const counted = tally(finals, posts);
    const noticeIds = new Set(rows.rows.filter((row) => row.kind === 'notice').map((row) => row.id));
    const notices = tally(
      finals.filter((row) => noticeIds.has(row.id)),
      posts.filter((post) => noticeIds.has(post.reminderId)),
    );
    const requestSide = sessionTally(sessions, await committedMarkers(db.kysely));
    return {
      label,
      control,
      tally: counted,
      notices,
      sessions: requestSide,
      kills,
      calls: standIn.callsTo('chat.postMessage').length,
      faults,
      ledgerFile,
      drainedS,
    };
  } finally {
    await Promise.all([...live.values()].map(killHard));
    log.end();
    await standIn.stop();
    await db.drop();
  }
}

/**
 * Once every replica listens, people of the first workspace start using the bot: in each pair the
 * mentee sends a thank-you or shares an agenda, and the mentor records the meeting's notes.
 */
async function startRequests(standIn: SlackStandIn, urls: Map<string, string>, label: string) {
  const until = Date.now() + 30_000;
  while (urls.size < CONFIG.replicas && Date.now() < until) await sleep(100);
  const actors: Array<{ userId: string; kind: SessionKind }> = [];
  for (let g = 1; g <= CONFIG.pairsPerTeam; g += 1) {
    actors.push({ userId: `U0X${g}E`, kind: g % 2 === 0 ? 'agenda' : 'thanks' }, { userId: `U0X${g}M`, kind: 'notes' });
  }
  return startTraffic({
    standIn,
    teamId: 'TCHAOS0',
    signingSecret: SIGNING_SECRET,
    liveUrls: () => [...urls.values()],
    actors,
    perSecond: CONFIG.requestsPerS,
    label: label.replace(/\W+/g, '-'),
  });
}

/** The fault mix on chat.postMessage, from a seeded generator; 1% of recipients refuse every DM. */
function faultPolicy(seed: number, counts: Record<string, number>): (method: string, args: Record<string, unknown>) => Fault | undefined {
  const random = seededRandom(seed);
  const count = (name: string, fault: Fault) => {
    counts[name] = (counts[name] ?? 0) + 1;
    return fault;
  };
  return (method, args) => {
    if (method !== 'chat.postMessage') return undefined;
    if (bucketOf(String(args.channel)) === 0) return count('refused', { error: 'messages_tab_disabled' });
    const roll = random();
    if (roll < 0.05) return count('dropped after posting', { dropConnection: true, afterApplying: true });
    if (roll < 0.07) return count('500 after posting', { status: 500, afterApplying: true });
    if (roll < 0.08) return count('hang after posting', { hangMs: HANG_MS, afterApplying: true });
    return undefined;
  };
}

function spawnReplica(name: string, db: ScratchDb, standIn: SlackStandIn, control: boolean, log: WriteStream): ChildProcess {
  const child = spawn(process.execPath, [REPLICA_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      SLACK_API_URL: standIn.apiUrl,
      SLACK_BOT_TOKEN: TOKEN,
      REPLICA_NAME: name,
      CHAOS_SDK_RETRIES: control ? '1' : '0',
      [CHAOS_SIGNING_SECRET_ENV]: control ? '' : SIGNING_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', () => children.delete(child));
  return child;
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGKILL');
  await exited;
}

async function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  await Promise.race([exited, sleep(5_000)]);
  await killHard(child);
}

async function busySlot(db: ScratchDb, names: Map<number, string>, fallback: number): Promise<number> {
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const { rows } = await sql<{ claimed_by: string }>`
      select claimed_by from outbox where state = 'sending' and claimed_by = any(${[...names.values()]}::text[]) group by claimed_by order by count(*) desc limit 1`.execute(
      db.kysely,
    );
    const busy = [...names].find(([, name]) => name === rows[0]?.claimed_by);
    if (busy) return busy[0];
    await sleep(10);
  }
  return fallback;
}

async function leasedBy(db: ScratchDb, replica: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from outbox where claimed_by = ${replica} and state = 'sending'`.execute(db.kysely);
  return rows.map((row) => row.id);
}

/** Time from the kill until every row the dead replica held is settled (sent, failed or cancelled). */
async function watchRecovery(db: ScratchDb, ids: string[], kill: Kill): Promise<void> {
  if (ids.length === 0) return;
  const killedAt = Date.now();
  while (Date.now() - killedAt < 120_000) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from outbox where id = any(${ids}::uuid[]) and state in ('pending', 'sending', 'unknown')`.execute(db.kysely);
    if (Number(rows[0]!.n) === 0) {
      kill.recoveredS = (Date.now() - killedAt) / 1000;
      return;
    }
    await sleep(250);
  }
}

async function openDueBy(db: ScratchDb, cutoff: Date): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from outbox where state in ('pending', 'sending', 'unknown') and due_at <= ${cutoff}`.execute(db.kysely);
  return Number(rows[0]!.n);
}

/** Every reminder DM as people would see it: the stand-in's stored messages with our metadata. */
function ledgerOf(standIn: SlackStandIn): LedgerPost[] {
  return standIn
    .allMessages()
    .filter((message) => message.channel.startsWith('D') && message.metadata?.event_type === 'mentorship_reminder')
    .map((message) => {
      const payload = (message.metadata?.event_payload ?? {}) as { reminder_id?: string; attempt?: number };
      return {
        reminderId: String(payload.reminder_id),
        attempt: typeof payload.attempt === 'number' ? payload.attempt : null,
        channel: message.channel,
        ts: message.ts,
      };
    });
}

function printSummary(results: RunResult[]): void {
  const lines = [
    '',
    '| run | due in the run (of which notices) | delivered (notices) | duplicates (notices) | losses (notices) | submissions acked, of them not committed | permanent failures (code: n) | chat.postMessage calls | faults injected | recovery after each kill (s) | drained at (s) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const failures =
      Object.entries(r.tally.permanentFailures)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ') || 'none';
    const faults = Object.entries(r.faults)
      .map(([name, n]) => `${name}: ${n}`)
      .join(', ');
    const kills = r.kills.map((kill) => `${kill.recoveredS === null ? '>120' : kill.recoveredS.toFixed(1)} (${kill.leased} rows)`).join(', ');
    const acked = Object.entries(r.sessions.outcomes)
      .filter(([outcome]) => outcome.endsWith(' acked'))
      .reduce((sum, [, n]) => sum + n, 0);
    const n = r.notices;
    lines.push(
      `| ${r.label} | ${r.tally.due} (${n.due}) | ${r.tally.delivered} (${n.delivered}) | ${r.tally.duplicates} (${n.duplicates}) | ${r.tally.losses} (${n.losses}) | ${r.control ? '-' : `${acked}, ${r.sessions.ackedNotCommitted.length}`} | ${failures} | ${r.calls} | ${faults} | ${kills} | ${r.drainedS?.toFixed(1) ?? 'not drained'} |`,
    );
  }
  for (const r of results.filter((result) => !result.control)) {
    const outcomes = Object.entries(r.sessions.outcomes)
      .sort()
      .map(([outcome, count]) => `${outcome}: ${count}`)
      .join(', ');
    const details = [...new Set(r.sessions.details)].slice(0, 6).join(' | ');
    lines.push(
      `- ${r.label} sessions: ${outcomes}${details ? ` (for example: ${details})` : ''}${r.sessions.ackedNotCommitted.length ? `; acked but not committed: ${r.sessions.ackedNotCommitted.join(', ')}` : ''}`,
    );
  }
  lines.push('', 'Ledgers (every chat.postMessage call, JSON lines):', ...results.map((r) => `- ${r.label}: ${r.ledgerFile}`));
  for (const r of results.filter((result) => result.tally.duplicates || result.tally.losses)) {
    lines.push(
      `- ${r.label}: duplicated ${r.tally.duplicatedReminders.slice(0, 5).join(', ')}${r.tally.duplicatedReminders.length > 5 ? '…' : ''}; lost ${r.tally.lostReminders.slice(0, 5).join(', ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function writeLines(file: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    out.end(lines.join('\n') + '\n', () => resolve());
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

// Whatever happens, no replica outlives the runner.
const killAll = () => {
  for (const child of children) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  killAll();
  process.exit(1);
});
