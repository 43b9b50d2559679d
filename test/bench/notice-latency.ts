/**
 * From an agenda submitted to the mentor's DM posted: the time a person feels between "Share" and the
 * other person seeing it, now that every such message goes through the outbox. Targets: p50 under 1 s
 * and p99 under 2 s at 20 submissions a second, on PostgreSQL.
 *
 * The real bot runs in its own process (test/bench/app-process.ts, wired as `npm start` wires it); the
 * Slack stand-in runs here, so the instant each `chat.postMessage` reaches it is on this process's
 * clock, the same clock that stamped the submission. Mentees of many pairs (spread over 8 workspaces,
 * so no workspace's send budget of 5 posts a second is the bottleneck; the bot serves them all, each
 * installed through "Add to Slack" with its own token) first open the agenda modal through
 * `/mentorship agenda` (not timed), then submit it, open-loop at the rate.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { SlackDriver } from '../../src/devtools/slack-driver/driver';
import { SlackStandIn, type StoredView } from '../../src/devtools/slack-stand-in';
import { AgendaModal } from '../../src/slack/ids';
import { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from '../../src/slack/install/scopes';
import { startChild } from './processes';
import { BENCH_OAUTH, BENCH_SECRET, BENCH_TOKEN } from './protocol';
import { afternoonZone } from './scheduler/backlog';
import { type BenchSection, percentile, scratchDatabase } from './scheduler/support';

const TEAMS = Array.from({ length: 8 }, (_, index) => `TNOTICE${index}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface PairSeed {
  teamId: string;
  mentorId: string;
  menteeId: string;
}

export async function runNoticeLatencyBench(options: { rate?: number; seconds?: number } = {}): Promise<BenchSection> {
  const rate = options.rate ?? Number(process.env.BENCH_NOTICE_RATE ?? 20);
  const count = rate * (options.seconds ?? 20);
  const db = await scratchDatabase('notices', 4);
  const standIn = await SlackStandIn.start({ botToken: BENCH_TOKEN, teamId: TEAMS[0]!, triggerTtlMs: 10 * 60_000 });
  try {
    const zone = afternoonZone(new Date());
    const pairs = await seedPairs(db.kysely, Math.ceil(count / TEAMS.length), zone);
    for (const pair of pairs) for (const id of [pair.mentorId, pair.menteeId]) standIn.addUser({ id, name: id.toLowerCase(), tz: zone });
    standIn.enableOAuth(BENCH_OAUTH.clientId, BENCH_OAUTH.clientSecret);
    const app = await startChild('real', 'app-process', ['real-oauth', standIn.apiUrl, db.url]);
    try {
      for (const teamId of TEAMS) await install(standIn, new URL(app.url).origin, teamId, pairs.find((pair) => pair.teamId === teamId)!.mentorId);
      const driverOf = (teamId: string) => new SlackDriver({ appUrl: app.url, signingSecret: BENCH_SECRET, standIn, teamId });
      const sessions = pairs.slice(0, count);
      const views = await openModals(standIn, sessions, driverOf);
      const sent: Array<{ mentorId: string; at: number; acked: number; status: number }> = [];
      const start = Date.now();
      await Promise.all(
        views.map(async ({ pair, view }, i) => {
          await sleep(start + (i * 1000) / rate - Date.now());
          const at = Date.now();
          const result = await driverOf(pair.teamId).submitView(pair.menteeId, view, { [AgendaModal.blocks.topics]: `Topic ${i}: how to run a design review` });
          sent.push({ mentorId: pair.mentorId, at, acked: Date.now() - at, status: result.status });
        }),
      );
      const posted = await postedToMentors(standIn, sent, 10_000);
      const latencies = posted.filter((ms): ms is number => ms !== null);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      const verdict = (value: number, target: number) => `${value.toFixed(0)} ms (${value < target ? 'PASS' : 'MISS'}: target < ${target} ms)`;
      return {
        title: `Agenda submitted to the mentor's DM posted, ${rate} submissions/s for ${count / rate} s (PostgreSQL)`,
        rows: [
          {
            submissions: count,
            'answered 200': sent.filter((s) => s.status === 200).length,
            'ack p50 / p99 (ms)': `${percentile(
              sent.map((s) => s.acked),
              50,
            ).toFixed(0)} / ${percentile(
              sent.map((s) => s.acked),
              99,
            ).toFixed(0)}`,
            'mentor DM posted': latencies.length,
            'not posted within 10 s': `${posted.length - latencies.length} (${posted.length === latencies.length ? 'PASS' : 'MISS'}: every one posted)`,
            'p50 submitted to posted': verdict(p50, 1000),
            'p99 submitted to posted': verdict(p99, 2000),
            max: `${Math.max(...latencies).toFixed(0)} ms`,
          },
        ],
        notes: [
          'The bot sends the notice right after the commit (the replica that served the request); a scheduler pass would send it otherwise.',
          'The load generator, the Slack stand-in and PostgreSQL share this machine with the bot.',
        ],
      };
    } finally {
      await app.stop();
    }
  } finally {
    await standIn.stop();
    await db.drop();
  }
}

/** "Add to Slack" for one workspace, as a browser goes through it: the install page, consent, the redirect back. */
async function install(standIn: SlackStandIn, origin: string, teamId: string, installerUserId: string): Promise<void> {
  const page = await fetch(`${origin}${INSTALL_PATH}`);
  const html = await page.text();
  const state = /[?&;]state=([^&"]+)/.exec(html)?.[1];
  const cookie = page.headers.get('set-cookie')?.split(';')[0];
  if (!state || !cookie) throw new Error(`the install page gave no state (${page.status})`);
  const code = standIn.issueOAuthCode({ teamId, installerUserId, scopes: BOT_SCOPES });
  const back = await fetch(`${origin}${REDIRECT_PATH}?${new URLSearchParams({ code, state: decodeURIComponent(state) })}`, { headers: { cookie } });
  if (back.status !== 200) throw new Error(`installing ${teamId} failed: ${back.status} ${await back.text()}`);
}

/**
 * `/mentorship agenda` for every mentee, a few at a time (set-up, not measured): the bot creates the
 * next meeting and opens its agenda modal. A command answered "busy" is sent again a moment later.
 */
async function openModals(
  standIn: SlackStandIn,
  sessions: readonly PairSeed[],
  driverOf: (teamId: string) => SlackDriver,
): Promise<Array<{ pair: PairSeed; view: StoredView }>> {
  const opened: Array<{ pair: PairSeed; view: StoredView }> = [];
  const queue = [...sessions];
  const worker = async () => {
    for (let pair = queue.shift(); pair; pair = queue.shift()) opened.push({ pair, view: await openOne(standIn, pair, driverOf) });
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return opened;
}

async function openOne(standIn: SlackStandIn, pair: PairSeed, driverOf: (teamId: string) => SlackDriver): Promise<StoredView> {
  let answer = '';
  for (let attempt = 0; attempt < 10; attempt += 1) {
    answer = (await driverOf(pair.teamId).command(pair.menteeId, 'agenda', { channelId: `D${pair.menteeId}` })).text;
    for (let tries = 0; tries < 50; tries += 1) {
      const view = standIn.topView(pair.menteeId);
      if (view) return view;
      await sleep(20);
    }
  }
  throw new Error(`the agenda modal of ${pair.menteeId} never opened: ${answer}`);
}

/** For each submission, ms until the first post to its mentor's DM, or null if none came within `waitMs`. */
async function postedToMentors(standIn: SlackStandIn, sent: ReadonlyArray<{ mentorId: string; at: number }>, waitMs: number): Promise<Array<number | null>> {
  const until = Date.now() + waitMs;
  for (;;) {
    const firstPost = new Map<string, number>();
    for (const call of standIn.callsTo('chat.postMessage')) {
      const channel = String(call.args.channel);
      if (call.ok && !firstPost.has(channel)) firstPost.set(channel, call.at.getTime());
    }
    const latencies = sent.map((s) => {
      const at = firstPost.get(`D${s.mentorId}`);
      return at === undefined ? null : at - s.at;
    });
    if (latencies.every((ms) => ms !== null) || Date.now() > until) return latencies;
    await sleep(200);
  }
}

/** Pairs with a weekly meeting in the afternoon zone; people stored with their DM channels, as the pair modal stores them. */
async function seedPairs(db: Kysely<Database>, perTeam: number, zone: string): Promise<PairSeed[]> {
  const seeds: PairSeed[] = [];
  for (const [index, teamId] of TEAMS.entries()) {
    await sql`insert into workspaces (team_id) values (${teamId}) on conflict do nothing`.execute(db);
    await sql`
      insert into people (team_id, user_id, display_name, time_zone, dm_channel_id)
      select ${teamId}, 'UN' || ${index}::int || 'X' || g || r, 'person ' || g || r, ${zone}, 'DUN' || ${index}::int || 'X' || g || r
      from generate_series(1, ${perTeam}::int) as g, (values ('M'), ('E')) as v(r)`.execute(db);
    await sql`
      insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on,
                         meeting_minutes, started_on, planned_end_on, created_by)
      select ${teamId}, 'UN' || ${index}::int || 'X' || g || 'M', 'UN' || ${index}::int || 'X' || g || 'E', 'CGOALS', 'weekly', '10:00', ${zone},
             current_date + 3, 60, current_date, current_date + 180, 'UN' || ${index}::int || 'X' || g || 'M'
      from generate_series(1, ${perTeam}::int) as g`.execute(db);
    for (let g = 1; g <= perTeam; g += 1) seeds.push({ teamId, mentorId: `UN${index}X${g}M`, menteeId: `UN${index}X${g}E` });
  }
  // Interleave the workspaces, so each second's submissions spread over all of them.
  return seeds.sort((a, b) => Number(a.menteeId.split('X')[1]!.slice(0, -1)) - Number(b.menteeId.split('X')[1]!.slice(0, -1)));
}
