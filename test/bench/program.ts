import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import type { WorkspaceStanding } from '../../src/domain/pairs/coordinators';
import { habitTrend, ProgramService } from '../../src/domain/program/program.service';
import * as repo from '../../src/domain/program/program.repository';
import { PAGE_SIZE } from '../../src/domain/program/overview';
import { programModal } from '../../src/slack/blocks/program-overview';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open';
import { type BenchSection, ms, percentile, scratchDatabase, timeIt } from './scheduler/support';

/**
 * `npm run bench -- --only program`: the program overview at 10,000 pairs in one workspace, on
 * PostgreSQL (issue 16's bench). Each pair has eight weekly meetings over the last 56 days, three goals,
 * and some feedback, resources, thanks and updates. Timed: the counts by state and health, the first
 * page (unfiltered and filtered by health), the habits (both 30-day windows), and the whole first
 * view (service plus Block Kit, what `/mentorship program` does before views.open), each against a
 * plain select of the same rows as the floor. BENCH_PROGRAM_PAIRS changes the size, BENCH_PROGRAM_RUNS
 * the runs per query (default 40), BENCH_PROGRAM_DB=embedded runs it on PGlite in a scratch data
 * directory instead (the no-set-up mode, whose queries run inside the bot's own process).
 */
const TEAM = 'TBENCHPROG';
const COORDINATOR = 'UBENCHCOORD';

export async function programBench(): Promise<BenchSection> {
  const pairs = Number(process.env.BENCH_PROGRAM_PAIRS ?? 10_000);
  const runs = Number(process.env.BENCH_PROGRAM_RUNS ?? 40);
  const embedded = process.env.BENCH_PROGRAM_DB === 'embedded';
  const db = embedded ? await scratchEmbedded() : await scratchDatabase('program');
  try {
    const now = new Date();
    const seeded = Date.now();
    await seed(db.kysely, pairs, now);
    const seedSeconds = (Date.now() - seeded) / 1000;
    const admin: WorkspaceStanding = { standingOf: async () => ({ admin: true, deleted: false, bot: false }) };
    const service = new ProgramService(db.kysely, () => now);
    const actor = { teamId: TEAM, userId: COORDINATOR };
    const currentFrom = new Date(now.getTime() - 30 * 86_400_000);
    const previousFrom = new Date(now.getTime() - 60 * 86_400_000);
    const cases: Array<{ what: string; run: () => Promise<unknown>; floor: string; floorRun: () => Promise<unknown> }> = [
      {
        what: 'counts by state and health',
        run: () => repo.overviewCounts(db.kysely, TEAM, now),
        floor: `select * from pairs (all ${pairs})`,
        floorRun: () => db.kysely.selectFrom('pairs').selectAll().where('team_id', '=', TEAM).execute(),
      },
      {
        what: 'first page, no filter',
        run: () => repo.overviewPage(db.kysely, TEAM, now, { status: null, health: null }, { offset: 0, size: PAGE_SIZE }),
        floor: `select * from pairs, newest ${PAGE_SIZE + 1}`,
        floorRun: () => firstRows(db.kysely),
      },
      {
        what: 'first page, health = stalled',
        run: () => repo.overviewPage(db.kysely, TEAM, now, { status: null, health: 'stalled' }, { offset: 0, size: PAGE_SIZE }),
        floor: `select * from pairs, newest ${PAGE_SIZE + 1}`,
        floorRun: () => firstRows(db.kysely),
      },
      {
        what: 'habits, both 30-day windows',
        run: () => habitTrend(db.kysely, TEAM, now),
        floor: `select * from pairs (all ${pairs})`,
        floorRun: () => db.kysely.selectFrom('pairs').selectAll().where('team_id', '=', TEAM).execute(),
      },
      {
        what: 'habit counts query alone',
        run: () => repo.habitCounts(db.kysely, TEAM, now, currentFrom, previousFrom),
        floor: `select * from meetings of the last 60 days`,
        floorRun: () => db.kysely.selectFrom('meetings').selectAll().where('team_id', '=', TEAM).where('scheduled_at', '>=', previousFrom).execute(),
      },
      {
        what: 'first view: service + Block Kit',
        run: async () => programModal(await service.overview(actor, admin, { status: null, health: null }, 0)),
        floor: `select * from pairs, newest ${PAGE_SIZE + 1}`,
        floorRun: () => firstRows(db.kysely),
      },
    ];
    const rows: BenchSection['rows'] = [];
    for (const c of cases) {
      const samples = await timeIt(runs, c.run, 3);
      const floor = await timeIt(runs, c.floorRun, 3);
      rows.push({
        query: c.what,
        p50: ms(percentile(samples, 50)),
        p99: ms(percentile(samples, 99)),
        floor: c.floor,
        'floor p50': ms(percentile(floor, 50)),
        'floor p99': ms(percentile(floor, 99)),
        'p50 / floor': (percentile(samples, 50) / percentile(floor, 50)).toFixed(1),
      });
    }
    return {
      title: `Program overview at ${pairs} pairs in one workspace (${embedded ? 'PGlite' : 'PostgreSQL'}, ${runs} runs each, ms)`,
      rows,
      notes: [`Seeded in ${seedSeconds.toFixed(1)} s: ${pairs * 8} meetings, ${pairs * 3} goals.`],
    };
  } finally {
    await db.drop();
  }
}

/** A migrated PGlite in a data directory of its own, removed by `drop()`. */
async function scratchEmbedded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorship-bench-program-'));
  const db = await openDatabase({ kind: 'pglite', dataDir });
  return {
    kysely: db.kysely,
    drop: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const firstRows = (db: Kysely<Database>) =>
  db
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', TEAM)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();

/** 10,000 pairs (most active, some paused, invited and ended), written in a few set-based statements. */
async function seed(db: Kysely<Database>, pairs: number, now: Date): Promise<void> {
  await sql`insert into workspaces (team_id) values (${TEAM})`.execute(db);
  await sql`insert into people (team_id, user_id, display_name)
    select ${TEAM}, 'U' || r || n, 'U' || r || n from generate_series(1, ${pairs}) n, (values ('M'), ('E')) v(r)`.execute(db);
  await sql`insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone,
      first_meeting_on, meeting_minutes, status, started_on, planned_end_on, created_by, created_at)
    select ${TEAM}, 'UM' || n, 'UE' || n, 'CGOALS', 'weekly', '10:00', 'UTC', (${now}::timestamptz - interval '80 days')::date, 30,
      case when n % 20 = 0 then 'ended' when n % 25 = 0 then 'invited' when n % 30 = 0 then 'paused' else 'active' end,
      (${now}::timestamptz - interval '80 days')::date, (${now}::timestamptz + interval '100 days')::date, 'UM' || n,
      ${now}::timestamptz - interval '90 days' + n * interval '1 minute'
    from generate_series(1, ${pairs}) n`.execute(db);
  // Eight weekly meetings over the last 56 days; every seventh pair stopped meeting a month ago (stalled).
  await sql`insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, status, agenda_shared_at, notes_recorded_at, shared_highlight)
    select ${TEAM}, p.id, k, ${now}::timestamptz - (57 - 7 * k) * interval '1 day', 30,
      case when k = 8 and hashtext(p.id::text) % 3 = 0 then 'scheduled' else 'held' end,
      case when hashtext(p.id::text || k) % 5 <> 0 then ${now}::timestamptz - (58 - 7 * k) * interval '1 day' end,
      ${now}::timestamptz - (57 - 7 * k) * interval '1 day' + interval '1 hour',
      case when k % 4 = 0 then 'x' end
    from pairs p, generate_series(1, 8) k
    where p.team_id = ${TEAM} and p.status <> 'invited' and (k <= 4 or right(p.mentor_id, 1) <> '7')`.execute(db);
  await sql`insert into goals (team_id, pair_id, title, target_date, created_by, created_at)
    select ${TEAM}, p.id, 'g', (${now}::timestamptz + interval '60 days')::date, p.mentee_id, ${now}::timestamptz - (g * 15) * interval '1 day'
    from pairs p, generate_series(1, 3) g where p.team_id = ${TEAM}`.execute(db);
  await sql`insert into feedback_requests (team_id, pair_id, requester_id, responder_id, area, question, created_at)
    select ${TEAM}, p.id, p.mentee_id, p.mentor_id, 'a', 'q', ${now}::timestamptz - (hashtext(p.id::text) & 63) * interval '1 day'
    from pairs p where p.team_id = ${TEAM} and p.status = 'active'`.execute(db);
  await sql`insert into learning_resources (team_id, pair_id, title, recommended_by, explored_at, explored_by)
    select ${TEAM}, p.id, 'r', p.mentor_id, ${now}::timestamptz - (r * 20) * interval '1 day', p.mentee_id
    from pairs p, generate_series(1, 2) r where p.team_id = ${TEAM} and p.status = 'active'`.execute(db);
  await sql`insert into appreciations (team_id, pair_id, from_id, to_id, message, created_at)
    select ${TEAM}, p.id, p.mentee_id, p.mentor_id, 't', ${now}::timestamptz - (hashtext(p.id::text) & 31) * interval '2 days'
    from pairs p where p.team_id = ${TEAM} and p.status = 'active'`.execute(db);
  await sql`insert into pair_updates (team_id, pair_id, author_id, to_id, win, created_at)
    select ${TEAM}, p.id, p.mentee_id, p.mentor_id, 'w', ${now}::timestamptz - interval '10 days'
    from pairs p where p.team_id = ${TEAM} and p.status = 'active' and hashtext(p.id::text) % 2 = 0`.execute(db);
  await sql`analyze`.execute(db);
}
