import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';
import { MeetingsService } from '../../../src/domain/meetings/meetings.service';
import { anythingDue, anythingDueQuery, claimDue, dueTeams } from '../../../src/scheduler/outbox.repository';
import { planReminders } from '../../../src/domain/reminders/plan';
import { type BenchSection, mb, ms, percentile, scratchDatabase, timeIt } from './support';

/**
 * Scheduler at scale: the same due work (DUE rows across WORKSPACES workspaces) on top of 10k, 100k
 * and 1M pairs, each with history (sent rows) and planned-but-not-yet-due rows in the outbox. The
 * sizes grow in one database (10k, then 90k more, then 900k more), loaded with set-based SQL.
 */
const WORKSPACES = 10;
const DUE = 20_000;
const CLAIM = 100;
const NOW = new Date('2026-12-01T12:00:00Z');
/** Before every open row (the planned rows start at the first meetings, 2026-11-02). */
const IDLE_AT = new Date('2026-10-01T00:00:00Z');

export interface ScaleOptions {
  sizes?: number[];
  /** First planning passes (every pair new) are timed up to this many pairs; larger sizes are loaded as planned. */
  planUpTo?: number;
  log?: (line: string) => void;
}

export async function schedulerAtScale(options: ScaleOptions = {}): Promise<BenchSection[]> {
  const sizes = options.sizes ?? sizesFromEnv() ?? [10_000, 100_000, 1_000_000];
  const planUpTo = options.planUpTo ?? Number(process.env.BENCH_PLAN_UP_TO ?? 10_000);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = await scratchDatabase('scale');
  const rows: Array<Record<string, string | number>> = [];
  const planRows: Array<Record<string, string | number>> = [];
  const claimP99: number[] = [];
  try {
    await sql`insert into workspaces (team_id) select 'TB' || w from generate_series(0, ${WORKSPACES - 1}::int) as w`.execute(db.kysely);
    let loaded = 0;
    for (const size of sizes) {
      const started = Date.now();
      await loadPairs(db.kysely, loaded + 1, size);
      loaded = size;
      await resetDueRows(db.kysely);
      await sql`vacuum analyze outbox`.execute(db.kysely);
      await sql`analyze pairs`.execute(db.kysely);
      log(`scale: ${size} pairs loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      // Idle poll: what a pass asks first (is anything due?), when nothing is (an instant before every open row).
      const idle = await timeIt(1000, () => anythingDue(db.kysely, IDLE_AT));
      // Due poll: the same question with DUE rows due (before any is claimed).
      const poll = await timeIt(300, () => dueTeams(db.kysely, NOW));
      // claim(100): the real claim statement, committed, each time on fresh rows (DUE / CLAIM times).
      const teams = Array.from({ length: WORKSPACES }, (_, w) => `TB${w}`);
      const claim = await timeIt(
        DUE / CLAIM - 10,
        (i) => claimDue(db.kysely, { teamId: teams[(i + WORKSPACES) % WORKSPACES]!, limit: CLAIM, now: NOW, leaseMs: 60_000, replica: 'bench' }),
        10,
      );
      if (process.env.BENCH_EXPLAIN === '1') {
        const plan = await sql<Record<string, unknown>>`explain analyze ${anythingDueQuery(db.kysely, IDLE_AT)}`.execute(db.kysely);
        log(plan.rows.map((row) => String(Object.values(row)[0])).join('\n'));
      }
      claimP99.push(percentile(claim, 99));
      const sizes = await relationSizes(db.kysely);
      rows.push({
        pairs: size.toLocaleString('en-US'),
        'outbox rows': sizes.rows.toLocaleString('en-US'),
        'idle poll p50 / p99 (ms)': `${ms(percentile(idle, 50), 3)} / ${ms(percentile(idle, 99), 3)}`,
        'due poll p50 / p99 (ms)': `${ms(percentile(poll, 50))} / ${ms(percentile(poll, 99))}`,
        'claim(100) p50 / p99 (ms)': `${ms(percentile(claim, 50))} / ${ms(percentile(claim, 99))}`,
        'outbox heap': mb(sizes.heap),
        'outbox indexes': mb(sizes.indexes),
        'outbox_due + outbox_due_team': mb(sizes.dueIndexes),
      });

      planRows.push({ pairs: size.toLocaleString('en-US'), ...(await timePlanning(db.kysely, size, planUpTo)) });
    }
  } finally {
    await db.drop();
  }
  const ratio = claimP99.length > 1 ? claimP99[claimP99.length - 1]! / claimP99[0]! : Number.NaN;
  return [
    {
      title: 'Scheduler at scale: polling and claiming',
      rows,
      notes: [
        `Same due work at every size: ${DUE.toLocaleString('en-US')} rows due across ${WORKSPACES} workspaces; history of 1 sent row and 2 planned (not yet due) rows per pair.`,
        `claim(100) p99 at the largest size / at the smallest: ${ms(ratio)} (target <= 1.5). Targets: idle poll < 1 ms, claim(100) < 5 ms p99.`,
      ],
    },
    {
      title: 'Scheduler at scale: planning pass (ensureUpcoming + planReminders)',
      rows: planRows,
      notes: [
        'A pass visits only the pairs whose next meeting has started or changed, and plans only the meetings not planned yet (migration 0150): a quiet pass should stay flat as pairs grow, and a busy one follow the meetings that started, not the pairs.',
        `First passes are timed up to BENCH_PLAN_UP_TO pairs (${planUpTo.toLocaleString('en-US')} in this run); larger sizes are loaded in the state a first pass leaves.`,
      ],
    },
  ];
}

function sizesFromEnv(): number[] | undefined {
  const raw = process.env.BENCH_SCALE_SIZES;
  return raw
    ? raw
        .split(',')
        .map((value) => Number(value.trim()))
        .filter((value) => value > 0)
    : undefined;
}

/** Pairs from..to (inclusive): two people each, a weekly meeting rule; outbox history and planned rows. */
async function loadPairs(db: Kysely<Database>, from: number, to: number): Promise<void> {
  await sql`
    insert into people (team_id, user_id, display_name, time_zone, dm_channel_id)
    select 'TB' || (g % ${WORKSPACES}::int), 'U' || g || r, 'person ' || g || r, 'Europe/Berlin', 'DU' || g || r
    from generate_series(${from}::int, ${to}::int) as g, (values ('M'), ('E')) as v(r)`.execute(db);
  // Pairs, their history (sent last month) and planned rows due in the coming weeks, in one statement.
  await sql`
    with p as (
      insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on,
                         meeting_minutes, started_on, planned_end_on, created_by)
      select 'TB' || (g % ${WORKSPACES}::int), 'U' || g || 'M', 'U' || g || 'E', 'CGOALS', 'weekly', '15:00', 'Europe/Berlin',
             date '2026-11-02' + (g % 7), 60, date '2026-11-01', date '2027-09-01' + (g % 180), 'U' || g || 'M'
      from generate_series(${from}::int, ${to}::int) as g
      returning id, team_id, mentee_id
    )
    insert into outbox (team_id, kind, pair_id, recipient_id, dedupe_key, due_at, next_attempt_at, state, attempt, sent_at, slack_ts, channel_id, basis)
    select p.team_id, k.kind, p.id, p.mentee_id, 'bench:' || k.kind || ':' || p.id,
           t.at, t.at, k.state, k.attempt, case when k.state = 'sent' then t.at end, case when k.state = 'sent' then '1.0' end, 'D' || p.mentee_id, 'bench'
    from p
    cross join (values ('thanks', 'sent', 1, -20), ('prep', 'pending', 0, 1), ('notes', 'pending', 0, 8)) as k(kind, state, attempt, days)
    cross join lateral (select ${NOW}::timestamptz + k.days * interval '1 day' + (hashtext(p.id::text) % 43200) * interval '1 second' as at) as t`.execute(db);
}

/** Exactly DUE rows due in the ten minutes before NOW, spread across the workspaces; claimed leftovers go. */
async function resetDueRows(db: Kysely<Database>): Promise<void> {
  await sql`delete from outbox where state in ('pending', 'sending', 'unknown') and next_attempt_at <= ${new Date(NOW.getTime() + 120_000)} and basis = 'bench-due'`.execute(
    db,
  );
  await sql`
    insert into outbox (team_id, kind, pair_id, recipient_id, dedupe_key, due_at, next_attempt_at, basis)
    select p.team_id, k.kind, p.id, p.mentee_id, 'bench-due:' || k.kind || ':' || p.id, t.at, t.at, 'bench-due'
    from (select * from pairs order by id limit ${DUE / 2}::int) as p
    cross join (values ('wrap_up'), ('mid_cycle')) as k(kind)
    cross join lateral (select ${NOW}::timestamptz - (abs(hashtext(p.id::text || k.kind)) % 600) * interval '1 second' as at) as t
    on conflict (dedupe_key) do update set state = 'pending', attempt = 0, next_attempt_at = excluded.next_attempt_at, claimed_by = null`.execute(db);
}

async function relationSizes(db: Kysely<Database>): Promise<{ rows: number; heap: number; indexes: number; dueIndexes: number }> {
  const { rows } = await sql<{ rows: number; heap: number; indexes: number; due: number }>`
    select (select count(*) from outbox)::bigint as rows,
           pg_relation_size('outbox') as heap, pg_indexes_size('outbox') as indexes,
           pg_relation_size('outbox_due') + pg_relation_size('outbox_due_team') as due`.execute(db);
  const row = rows[0]!;
  return { rows: Number(row.rows), heap: Number(row.heap), indexes: Number(row.indexes), dueIndexes: Number(row.due) };
}

/**
 * Planning passes as the scheduler runs them (ensureUpcoming, then planReminders), at NOW:
 * - first pass: every pair is new (no meeting row, nothing planned): only up to `planUpTo` pairs;
 *   larger sizes get the same state from `settleAsPlanned` (set-based SQL) instead;
 * - quiet pass: nothing changed since the last pass (most minutes of a real deployment);
 * - a busy minute: STARTED meetings have just started, so their pairs need their next meeting and
 *   both meetings' reminders are planned.
 */
const STARTED = 1_000;

async function timePlanning(db: Kysely<Database>, size: number, planUpTo: number): Promise<Record<string, string | number>> {
  const meetings = new MeetingsService(db, () => NOW);
  const pass = async (at: Date) => {
    const started = performance.now();
    const { pairs } = await meetings.ensureUpcoming(at);
    const ensured = performance.now();
    const { planned } = await planReminders(db, at);
    return { pairs, ensureMs: ensured - started, planMs: performance.now() - ensured, planned };
  };
  let first = 'not run (BENCH_PLAN_UP_TO=' + planUpTo + '): loaded as planned';
  if (size <= planUpTo) {
    const result = await pass(NOW);
    first = `${(result.ensureMs / 1000).toFixed(1)} + ${(result.planMs / 1000).toFixed(1)} (${result.planned.toLocaleString('en-US')} rows)`;
  } else await settleAsPlanned(db);
  // What autovacuum does after a first pass: its updates left a dead index entry per pair and meeting,
  // which the next scan would otherwise walk (once) and charge to the quiet pass.
  await sql`vacuum analyze meetings`.execute(db);
  await sql`vacuum analyze pairs`.execute(db);
  // Quiet passes, one a minute: the median of five (the first also warms the connections).
  const quietRuns: Array<Awaited<ReturnType<typeof pass>>> = [];
  for (let minute = 1; minute <= 5; minute += 1) quietRuns.push(await pass(new Date(NOW.getTime() + minute * 60_000)));
  const quiet = quietRuns.sort((a, b) => a.ensureMs + a.planMs - (b.ensureMs + b.planMs))[2]!;
  if (process.env.BENCH_EXPLAIN === '1') {
    for (const query of [
      sql`explain analyze select * from pairs where status = 'active' and upcoming_valid_until is null limit 200 for no key update skip locked`,
      sql`explain analyze select * from pairs where status = 'active' and upcoming_valid_until <= ${NOW} limit 200 for no key update skip locked`,
    ]) {
      const plan = await query.execute(db);
      process.stderr.write(`${plan.rows.map((row) => String(Object.values(row as Record<string, unknown>)[0])).join('\n')}\n`);
    }
  }
  const busyAt = new Date(NOW.getTime() + 6 * 60_000);
  await sql`update meetings set scheduled_at = ${new Date(busyAt.getTime() - 30_000)}
            where id in (select m.id from meetings m where m.status = 'scheduled' and m.scheduled_at > ${busyAt} order by m.id limit ${STARTED}::int)`.execute(
    db,
  );
  const busy = await pass(busyAt);
  const fmt = (result: { ensureMs: number; planMs: number }) => `${ms(result.ensureMs)} + ${ms(result.planMs)}`;
  return {
    'first pass, all pairs new: ensureUpcoming + plan (s)': first,
    'quiet pass (median of 5): ensureUpcoming + plan (ms)': `${fmt(quiet)} (${quiet.pairs} pairs checked, ${quiet.planned} rows)`,
    [`busy minute, ${STARTED.toLocaleString('en-US')} meetings started: ensureUpcoming + plan (ms)`]: `${fmt(busy)} (${busy.pairs} pairs checked, ${busy.planned.toLocaleString('en-US')} rows)`,
  };
}

/**
 * The state a first pass leaves, for sizes too large to plan in the bench: every pair without a
 * meeting gets the row of its next weekly occurrence (15:00 in Berlin, as loadPairs sets the rule),
 * marked planned, and its pair marked checked until then. Its reminders are the planned rows
 * loadPairs already wrote.
 */
async function settleAsPlanned(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, reminders_planned_at)
    select p.team_id, p.id, n.k, n.at, p.meeting_minutes, ${NOW}::timestamptz
    from pairs p
    cross join lateral (
      select k, ((p.first_meeting_on + 7 * k) + p.meeting_time::time) at time zone p.time_zone as at
      from generate_series(0, 60) as k
      where ((p.first_meeting_on + 7 * k) + p.meeting_time::time) at time zone p.time_zone > ${NOW}::timestamptz
      order by k limit 1
    ) as n
    where not exists (select 1 from meetings m where m.pair_id = p.id)`.execute(db);
  await sql`update pairs p set upcoming_valid_until = m.scheduled_at from meetings m where m.pair_id = p.id and p.upcoming_valid_until is null`.execute(db);
}
