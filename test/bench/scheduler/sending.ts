import pino from 'pino';
import { sql } from 'kysely';
import { createDb, type Db } from '../../../src/db/create-db';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { blockOn429, type DispatchDeps, dispatchDue } from '../../../src/scheduler/dispatcher';
import { anyTeamSlack } from '../../../src/scheduler/team-slack';
import { DEFAULT_SCHEDULER_SETTINGS, databaseClock } from '../../../src/scheduler/scheduler';
import { createReminderClient, type ReminderSlack, webClientReminderSlack } from '../../../src/scheduler/slack-gateway';
import { type BacklogPerson, seedBacklog } from './backlog';
import { type BenchSection, ms, percentile, scratchDatabase } from './support';

/**
 * Sending against Slack's limits: several workspaces, each with its own bot token, a stand-in that
 * answers 429 above 1 post/s per channel and PER_WORKSPACE posts/s per workspace, and the real
 * dispatcher on REPLICAS replicas (own connection pools) sharing the per-workspace buckets in the
 * database. Two shapes: a backlog all due at once (achieved rate vs the ceiling) and a stream due
 * at 80% of the ceiling (lateness).
 */
const TEAMS = ['TSEND0', 'TSEND1', 'TSEND2', 'TSEND3'];
const PER_WORKSPACE = 5;
const REPLICAS = 3;

interface Scenario {
  name: string;
  pairsPerTeam: number;
  spreadMs: number;
}

export async function sendingBench(): Promise<BenchSection[]> {
  const scenarios: Scenario[] = [
    { name: 'backlog, all due at once', pairsPerTeam: Number(process.env.BENCH_SEND_PAIRS ?? 75), spreadMs: 0 },
    // 4 workspaces x 2 x 40 reminders over 20 s = 16/s, 80% of the 20/s ceiling.
    { name: 'stream at 80% of the ceiling', pairsPerTeam: 40, spreadMs: 20_000 },
  ];
  const rows: Array<Record<string, string | number>> = [];
  for (const scenario of scenarios) rows.push(await runScenario(scenario));
  return [
    {
      title: 'Sending against Slack limits (stand-in enforcing them)',
      rows,
      notes: [
        `${TEAMS.length} workspaces, each with its own token; the stand-in allows ${PER_WORKSPACE} posts/s per workspace (bucket of ${PER_WORKSPACE}) and 1 post/s per DM channel; ${REPLICAS} replicas run the dispatcher back to back (no idle tick in between) with the default budget of ${DEFAULT_SCHEDULER_SETTINGS.rate.perSecond}/s per workspace, bucket set to ${PER_WORKSPACE}.`,
        'Ceiling = for each workspace, its bucket plus its rate over the time from its first to its last post. Lateness = sent_at - due_at. Targets: >= 90% of the ceiling, 429s < 1% of calls.',
      ],
    },
  ];
}

async function runScenario(scenario: Scenario): Promise<Record<string, string | number>> {
  const scratch = await scratchDatabase('send');
  const standIn = await SlackStandIn.start({ botToken: 'xoxb-send-0', teamId: TEAMS[0]! });
  const replicas: Db[] = [];
  try {
    const start = new Date((await databaseNow(scratch)).getTime() + 1_000);
    const seeded = await seedBacklog(scratch.kysely, { teams: TEAMS, pairsPerTeam: scenario.pairsPerTeam, spreadMs: scenario.spreadMs, start });
    for (const person of seeded.people) standIn.addUser({ id: person.userId, name: person.userId.toLowerCase(), tz: seeded.zone });
    TEAMS.forEach((team, index) => index > 0 && standIn.addBotToken(`xoxb-send-${index}`, team));
    standIn.enforceRateLimits({ perChannelPerSecond: 1, perWorkspacePerSecond: PER_WORKSPACE });
    const slack = routeByChannel(standIn, seeded.people);

    for (let i = 0; i < REPLICAS; i += 1) replicas.push(await createDb({ kind: 'postgres', url: scratch.url }, { poolSize: 4 }));
    const deadline = Date.now() + 30_000 + scenario.spreadMs + (seeded.reminders / (TEAMS.length * PER_WORKSPACE)) * 2_000;
    const open = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from outbox where basis = 'backlog' and state in ('pending', 'sending', 'unknown')`.execute(
            scratch.kysely,
          )
        ).rows[0]!.n,
      );
    let finished = false;
    const loops = replicas.map(async (replica, index) => {
      const settings = { ...DEFAULT_SCHEDULER_SETTINGS, replica: `send-${index}`, rate: { perSecond: PER_WORKSPACE, burst: PER_WORKSPACE } };
      const deps: DispatchDeps = {
        db: replica.kysely,
        slack: anyTeamSlack(slack),
        logger: pino({ level: 'silent' }),
        settings,
        onRateLimited: blockOn429(replica.kysely),
      };
      while (!finished && Date.now() < deadline) {
        const clock = await databaseClock(replica.kysely);
        const stats = await dispatchDue(replica.kysely, deps, clock, { ...settings, budgetMs: 5_000 });
        if (stats.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    while (Date.now() < deadline && (await open()) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    finished = true;
    await Promise.all(loops);

    const posts = standIn.callsTo('chat.postMessage');
    const ok = posts.filter((call) => call.ok);
    let ceiling = 0;
    for (const team of TEAMS) {
      const times = ok.filter((call) => slack.teamOf(String(call.args.channel)) === team).map((call) => call.at.getTime());
      if (times.length === 0) continue;
      ceiling += PER_WORKSPACE + (PER_WORKSPACE * (Math.max(...times) - Math.min(...times))) / 1000;
    }
    const span = ok.length ? (Math.max(...ok.map((c) => c.at.getTime())) - Math.min(...ok.map((c) => c.at.getTime()))) / 1000 : 0;
    const { rows } = await sql<{ late: number; state: string }>`
      select extract(epoch from (sent_at - due_at)) * 1000 as late, state from outbox where basis = 'backlog'`.execute(scratch.kysely);
    const lateness = rows.filter((row) => row.state === 'sent').map((row) => Number(row.late));
    return {
      scenario: scenario.name,
      reminders: seeded.reminders,
      sent: lateness.length,
      'not sent': rows.length - lateness.length,
      'achieved (posts/s)': (ok.length / Math.max(span, 0.001)).toFixed(1),
      'share of ceiling': `${((100 * ok.length) / Math.max(1, ceiling)).toFixed(1)}%`,
      '429s': `${standIn.rateLimitedCount} of ${posts.length} calls (${((100 * standIn.rateLimitedCount) / Math.max(1, posts.length)).toFixed(2)}%)`,
      'lateness p50 / p99 (s)': `${ms(percentile(lateness, 50) / 1000, 1)} / ${ms(percentile(lateness, 99) / 1000, 1)}`,
    };
  } finally {
    for (const replica of replicas) await replica.close();
    await standIn.stop();
    await scratch.drop();
  }
}

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db.kysely);
  return new Date(rows[0]!.now);
}

/** One reminder client (own token, SDK retries off) per workspace; a DM channel tells which workspace. */
function routeByChannel(standIn: SlackStandIn, people: readonly BacklogPerson[]): ReminderSlack & { teamOf(channel: string): string | undefined } {
  const teamOfChannel = new Map(people.map((person) => [person.channel, person.teamId]));
  const clients = new Map(
    TEAMS.map((team, index) => [
      team,
      webClientReminderSlack(createReminderClient({ token: `xoxb-send-${index}`, apiUrl: standIn.apiUrl, timeoutMs: 10_000 })),
    ]),
  );
  const clientFor = (channel: string) => clients.get(teamOfChannel.get(channel) ?? TEAMS[0]!)!;
  return {
    teamOf: (channel) => teamOfChannel.get(channel),
    openDm: (userId) => clients.get(TEAMS[0]!)!.openDm(userId),
    post: (channel, message, stamp, options) => clientFor(channel).post(channel, message, stamp, options),
    update: (channel, ts, message) => clientFor(channel).update(channel, ts, message),
    findPosted: (channel, reminderId, since) => clientFor(channel).findPosted(channel, reminderId, since),
  };
}
