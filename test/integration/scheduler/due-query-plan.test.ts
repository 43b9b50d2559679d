import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { anythingDueQuery, claimStatement, dueTeamsQuery } from '../../../src/scheduler/outbox.repository';
import { checkpointQuery } from '../../../src/domain/reminders/planning.repository';
import { createTestDb } from '../../support/test-db';

/**
 * The due-work queries must walk the partial indexes over open rows, never the whole outbox: with
 * history growing by every reminder ever sent, a sequential scan would make each idle poll slower.
 * Realistic shape: many closed rows, a few open ones, statistics up to date.
 */
let db: Db;
const NOW = new Date('2026-12-01T12:00:00Z');

beforeAll(async () => {
  db = await createTestDb();
  await sql`insert into workspaces (team_id) values ('TPLAN'), ('TOTHER')`.execute(db.kysely);
  await sql`
    insert into outbox (team_id, kind, recipient_id, dedupe_key, due_at, next_attempt_at, state, sent_at)
    select case when g % 2 = 0 then 'TPLAN' else 'TOTHER' end, 'thanks', 'U' || (g % 500), 'hist:' || g,
           timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute', 'sent',
           timestamptz '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 60000) as g`.execute(db.kysely);
  await sql`
    insert into outbox (team_id, kind, recipient_id, dedupe_key, due_at, next_attempt_at, state)
    select 'TPLAN', 'prep', 'U' || g, 'open:' || g, timestamptz '2026-12-01 11:00' + g * interval '1 minute',
           timestamptz '2026-12-01 11:00' + g * interval '1 minute', 'pending'
    from generate_series(1, 40) as g`.execute(db.kysely);
  await sql`analyze outbox`.execute(db.kysely);
});
afterAll(() => db.close());

const planText = (rows: Array<Record<string, unknown>>): string => rows.map((row) => String(Object.values(row)[0])).join('\n');

it('asks whether anything is due with one probe of the partial index over open rows', async () => {
  const plan = planText(await anythingDueQuery(db.kysely, NOW).explain());
  expect(plan).toMatch(/Index (Only )?Scan using outbox_due on outbox/);
  expect(plan).not.toMatch(/Seq Scan on outbox/);
});

it('finds the workspaces with due work through the partial index over open rows', async () => {
  const plan = planText(await dueTeamsQuery(db.kysely, NOW).explain());
  expect(plan).toMatch(/Index (Only )?Scan using outbox_due(_team)? on outbox|Bitmap Index Scan on outbox_due(_team)?/);
  expect(plan).not.toMatch(/Seq Scan on outbox/);
});

it('claims a workspace’s due rows through the partial index over open rows', async () => {
  const claim = claimStatement({ teamId: 'TPLAN', limit: 10, now: NOW, leaseMs: 60_000, replica: 'explain' });
  const { rows } = await sql<Record<string, unknown>>`explain ${claim}`.execute(db.kysely);
  const plan = planText(rows);
  // Either partial index (outbox_due, or outbox_due_team when another workspace has a backlog) keeps
  // the work proportional to the open rows.
  expect(plan).toMatch(/Index Scan using outbox_due(_team)? on outbox|Bitmap Index Scan on outbox_due(_team)?/);
  expect(plan).not.toMatch(/Seq Scan on outbox/);
});

it('finds the pairs at a check-in day (a third or two thirds of the way) through their partial indexes, not by reading every pair', async () => {
  await sql`insert into people (team_id, user_id, display_name, time_zone) select 'TPLAN', 'UP' || g, 'P' || g, 'Europe/Berlin' from generate_series(1, 20000) as g`.execute(
    db.kysely,
  );
  await sql`
    insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on,
                       meeting_minutes, started_on, planned_end_on, created_by, status)
    select 'TPLAN', 'UP' || (2 * g - 1), 'UP' || (2 * g), 'CGOALS', 'weekly', '10:00', 'Europe/Berlin', date '2025-01-01' + g % 700,
           45, date '2025-01-01' + g % 700, date '2025-01-01' + g % 700 + 90 + g % 200, 'UP' || (2 * g - 1), 'active'
    from generate_series(1, 10000) as g`.execute(db.kysely);
  await sql`analyze pairs`.execute(db.kysely);
  for (const [checkpoint, index] of [
    [1, 'pairs_check_in_1'],
    [2, 'pairs_check_in_2'],
  ] as const) {
    const plan = planText(await checkpointQuery(db.kysely, checkpoint, '2025-12-01', '2025-12-03').explain());
    expect(plan).toMatch(new RegExp(`Index Scan using ${index} on pairs|Bitmap Index Scan on ${index}`));
    expect(plan).not.toMatch(/Seq Scan on pairs/);
  }
});
