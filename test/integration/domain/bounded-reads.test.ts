import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import { MAX_OPEN_ACTION_ITEMS } from '../../../src/domain/meetings/action-item-lines';
import { MAX_AGENDA_ITEMS } from '../../../src/domain/meetings/agenda-lines';
import { ACHIEVED_LISTED_PER_PAIR, GOALS_LISTED_PER_PAIR } from '../../../src/domain/goals/goal-rules';
import { MAX_PAIRS_LISTED } from '../../../src/domain/pairs/pair-rules';
import { goalListMessage } from '../../../src/slack/blocks/goal-list';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows } from '../../support/meeting-fixtures';

/**
 * What one request reads is bounded, however much history a pair has or however many pairs a person
 * is in; what is not loaded is counted. And one meeting's agenda cannot grow without limit.
 */
let h: Harness;
let pair: Pair;
const { mentor, mentee } = USERS;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T12:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.kysely.deleteFrom('pairs').execute();
  pair = await createPair(h);
});

const topics = (n: number, from = 0) => ({
  topics: Array.from({ length: n }, (_, i) => `Topic ${from + i}`),
  questions: [],
  materials: [],
  carryActionItemIds: [],
  carryFollowUpIds: [],
  wrapUp: [],
});

it(`refuses to take one meeting's agenda past ${MAX_AGENDA_ITEMS} items, on the topics field, saying how many fit`, async () => {
  const [first] = await meetingRows(h, pair.id);
  for (let saved = 0; saved < MAX_AGENDA_ITEMS - 5; saved += 5) {
    const result = await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: mentee.id }, first!.id, topics(5, saved));
    expect(result.ok).toBe(true);
  }
  const tooMany = await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: mentor.id }, first!.id, topics(10, 100));
  expect(tooMany).toEqual({ ok: false, errors: { topics: `This agenda has room for 5 more items (at most ${MAX_AGENDA_ITEMS} in all); you are adding 10.` } });
  expect((await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: mentor.id }, first!.id, topics(5, 200))).ok).toBe(true);
  const full = await h.bot.services.agendas.save({ teamId: h.standIn.teamId, userId: mentee.id }, first!.id, topics(1, 300));
  expect(full.ok).toBe(false);
  expect(!full.ok && full.errors.topics).toMatch(new RegExp(`already has ${MAX_AGENDA_ITEMS} items`));
  const stored = await sql<{ n: number }>`select count(*)::int as n from agenda_items where meeting_id = ${first!.id}`.execute(h.db.kysely);
  expect(stored.rows[0]!.n).toBe(MAX_AGENDA_ITEMS);
});

it(`lists at most ${GOALS_LISTED_PER_PAIR} goals on the go per pair and counts the rest, from counts rather than every goal`, async () => {
  const insert = (status: string, count: number) =>
    sql`insert into goals (team_id, pair_id, title, target_date, status, created_by)
        select ${pair.team_id}, ${pair.id}::uuid, ${status} || ' goal ' || g, (date '2027-01-01' + g), ${status}, ${mentee.id}
        from generate_series(1, ${count}) as g`.execute(h.db.kysely);
  await insert('approved', 40);
  await insert('achieved', 10);
  await insert('dropped', 2);

  const [overview] = await h.bot.services.goals.overviewFor({ teamId: h.standIn.teamId, userId: mentee.id });
  expect(overview!.active).toHaveLength(GOALS_LISTED_PER_PAIR);
  expect(overview!.active[0]!.title).toBe('approved goal 1'); // soonest target first
  expect(overview).toMatchObject({ activeTotal: 40, achieved: 10, dropped: 2 });
  expect(overview!.achievedGoals).toHaveLength(ACHIEVED_LISTED_PER_PAIR);
  const message = goalListMessage([overview!]);
  expect(message.text).toContain('Goals on the go: 40.');
  const shown = message.blocks.filter((block) => /^goal_[0-9a-f]{8}-/.test(block.block_id ?? '')).length;
  expect(shown).toBeGreaterThan(0);
  expect(JSON.stringify(message.blocks)).toContain(`${40 - shown} more goals on the go are not shown here`);
  // The achieved ones are named (the latest few) and the rest counted.
  expect(JSON.stringify(message.blocks)).toMatch(/:trophy: Achieved: \*achieved goal \d+\*.* and 5 more\./);
});

it(`reads the newest ${MAX_PAIRS_LISTED} pairs of someone in more, oldest of them first`, async () => {
  await sql`
    insert into people (team_id, user_id, display_name, time_zone)
    select ${pair.team_id}, 'UMANY' || g, 'many ' || g, 'Europe/Berlin' from generate_series(1, 60) as g
    on conflict do nothing`.execute(h.db.kysely);
  await sql`
    insert into pairs (team_id, mentor_id, mentee_id, goals_channel_id, cadence, meeting_time, time_zone, first_meeting_on, meeting_minutes,
                       started_on, planned_end_on, created_by, created_at)
    select ${pair.team_id}, ${mentor.id}, 'UMANY' || g, 'CGOALS', 'weekly', '10:00', 'Europe/Berlin', '2026-12-01', 45, '2026-11-23', '2027-05-01',
           ${mentor.id}, timestamptz '2026-01-01' + g * interval '1 day'
    from generate_series(1, 60) as g`.execute(h.db.kysely);
  const pairs = await h.bot.services.pairs.listFor(h.standIn.teamId, mentor.id);
  expect(pairs).toHaveLength(MAX_PAIRS_LISTED);
  const created = pairs.map((p) => p.created_at.getTime());
  expect(created).toEqual([...created].sort((a, b) => a - b));
  // The 61 pairs: the 60 inserted (1 Jan + 1..60 days) and the one made today; the oldest eleven are left out.
  expect(pairs.some((p) => p.mentee_id === 'UMANY11')).toBe(false);
  expect(pairs.some((p) => p.mentee_id === 'UMANY12')).toBe(true);
  expect(pairs.at(-1)!.id).toBe(pair.id);
});

it(`reads the ${MAX_OPEN_ACTION_ITEMS} most pressing open action items of a pair that has let them pile up`, async () => {
  await sql`
    insert into action_items (team_id, pair_id, owner_id, body, due_on, created_by)
    select ${pair.team_id}, ${pair.id}::uuid, ${mentee.id}, 'item ' || g, case when g % 2 = 0 then date '2026-12-01' + g else null end, ${mentor.id}
    from generate_series(1, 120) as g`.execute(h.db.kysely);
  const open = await h.bot.services.meetings.openActionItems(pair.id);
  expect(open).toHaveLength(MAX_OPEN_ACTION_ITEMS);
  expect(open.every((item) => item.due_on !== null)).toBe(true); // dated first, undated last
  expect(open[0]!.body).toBe('item 2');
});
