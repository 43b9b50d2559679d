import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import { actionItemsByIds, openActionItems } from '../../../src/domain/meetings/action-items.repository';
import { readAgendaMaterial } from '../../../src/domain/meetings/agenda-draft.repository';
import { listAgendaItems } from '../../../src/domain/meetings/agenda.repository';
import { readNotesContext } from '../../../src/domain/meetings/notes-context.repository';
import { findMeeting, findPairById, lastHeldBefore, lockPairAndMeeting, upcomingMeeting } from '../../../src/domain/meetings/meetings.repository';
import { listPairsOf, listPairsWithNamesOf } from '../../../src/domain/pairs/pairs.repository';
import { findPeople } from '../../../src/domain/people/people.repository';
import { readGoalOverview } from '../../../src/domain/goals/goal-overview.repository';
import { goalStatusCounts, insertItems, listItems } from '../../../src/domain/goals/goals.repository';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { testDbKind } from '../../support/test-db';
import { eventually } from '../../support/wait';
import { createPair, meetingRows } from '../../support/meeting-fixtures';

/**
 * Reads combined into one statement, some of them as JSON (the agenda modal's, a person's pairs with
 * names, a meeting change's locks with both people): they must give exactly the rows the
 * single-purpose reads return (timestamps as Dates, local dates as text, nulls as nulls, the same order
 * and limits), or those screens would show something else than the rest of the bot; and the locks
 * must still be taken pair first.
 */
let h: Harness;
let pair: Pair;
const { mentor, mentee } = USERS;
const NOW = new Date('2026-12-02T12:00:00Z');

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T12:00:00Z' });
  pair = await createPair(h);
  const [first] = await meetingRows(h, pair.id);
  const db = h.db.kysely;
  // The next occurrence, as the planner would add it once the first has started.
  const second = await db
    .insertInto('meetings')
    .values({ team_id: pair.team_id, pair_id: pair.id, sequence: 1, scheduled_at: '2026-12-08T09:00:00Z', duration_minutes: 45 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('meetings')
    .set({ status: 'held', notes_recorded_by: mentor.id, notes_recorded_at: '2026-12-01T10:00:00.123Z', takeaways: 'Keep going' })
    .where('id', '=', first!.id)
    .execute();
  await db
    .updateTable('meetings')
    .set({ agenda_shared_at: '2026-12-02T08:30:00.5Z', feedback_focus: 'Estimates', rescheduled_from: '2026-12-08T08:00:00Z' })
    .where('id', '=', second.id)
    .execute();
  const items = await db
    .insertInto('action_items')
    .values([
      {
        team_id: pair.team_id,
        pair_id: pair.id,
        meeting_id: first!.id,
        owner_id: mentee.id,
        body: 'Draft the design doc',
        due_on: '2026-12-05',
        created_by: mentor.id,
      },
      { team_id: pair.team_id, pair_id: pair.id, meeting_id: first!.id, owner_id: mentor.id, body: 'Send the talk', due_on: null, created_by: mentor.id },
      {
        team_id: pair.team_id,
        pair_id: pair.id,
        meeting_id: first!.id,
        owner_id: mentee.id,
        body: 'Done already',
        due_on: '2026-11-30',
        done_at: '2026-12-01T11:00:00Z',
        done_by: mentee.id,
        created_by: mentor.id,
        overdue_nudged_at: '2026-11-30T09:00:00Z',
      },
    ])
    .returningAll()
    .execute();
  const agenda = (
    meetingId: string,
    rows: Array<{ kind: 'topic' | 'question' | 'carry_over'; body: string; resolved?: boolean; action_item_id?: string; position: number }>,
  ) =>
    db
      .insertInto('agenda_items')
      .values(rows.map((row) => ({ team_id: pair.team_id, meeting_id: meetingId, author_id: mentee.id, url: null, action_item_id: null, ...row })))
      .execute();
  await agenda(first!.id, [
    { kind: 'topic', body: 'Promotion path', position: 0 },
    { kind: 'question', body: 'How to say no?', resolved: true, position: 1 },
  ]);
  await agenda(second.id, [
    { kind: 'topic', body: 'Estimates, again', position: 0 },
    { kind: 'carry_over', body: 'Draft the design doc', action_item_id: items[0]!.id, position: 1 },
  ]);
  await sql`update people set deactivated_at = '2026-12-01T00:00:00Z', erased_at = '2026-11-01T00:00:00Z' where user_id = ${mentor.id}`.execute(db);
});
afterAll(() => h.close());

it("reads the pair's next meeting, its agenda, linked and open action items, the last agenda and both people as the single reads do", async () => {
  const db = h.db.kysely;
  const material = await readAgendaMaterial(db, pair, { nextAfter: NOW });
  const next = await upcomingMeeting(db, pair.id, NOW);
  const items = await listAgendaItems(db, next!.id);
  const last = await lastHeldBefore(db, pair.id, next!.scheduled_at);
  expect(material.meeting).toEqual(next);
  expect(material.meeting!.agenda_shared_at).toEqual(new Date('2026-12-02T08:30:00.5Z'));
  expect(material.items).toEqual(items);
  expect(material.linked).toEqual(await actionItemsByIds(db, pair.id, items.map((item) => item.action_item_id!).filter(Boolean)));
  expect(material.linked).toHaveLength(1);
  expect(material.open).toEqual(await openActionItems(db, pair.id));
  expect(material.open.map((item) => item.due_on)).toEqual(['2026-12-05', null]);
  expect(material.lastItems).toEqual(await listAgendaItems(db, last!.id));
  expect(material.lastItems).toHaveLength(2);
  const people = await findPeople(db, pair.team_id, [mentor.id, mentee.id]);
  expect([...material.people].sort((a, b) => a.user_id.localeCompare(b.user_id))).toEqual(people.sort((a, b) => a.user_id.localeCompare(b.user_id)));
});

it('reads a named meeting of the pair, and nothing for a meeting of another pair', async () => {
  const db = h.db.kysely;
  const [first] = await meetingRows(h, pair.id);
  const named = await readAgendaMaterial(db, pair, { meetingId: first!.id });
  expect(named.meeting).toEqual(first);
  expect(named.items).toEqual(await listAgendaItems(db, first!.id));
  expect(named.lastItems).toEqual([]);
  const elsewhere = await readAgendaMaterial(db, { ...pair, id: '00000000-0000-4000-8000-000000000000' }, { meetingId: first!.id });
  expect(elsewhere.meeting).toBeUndefined();
  expect(elsewhere.items).toEqual([]);
});

it("reads a person's pairs with everyone's display names in one statement, as the separate reads give them", async () => {
  const db = h.db.kysely;
  const { pairs, names } = await listPairsWithNamesOf(db, pair.team_id, mentee.id);
  expect(pairs).toEqual(await listPairsOf(db, pair.team_id, mentee.id));
  expect(names).toEqual({ [mentor.id]: mentor.name, [mentee.id]: mentee.name });
  expect(await listPairsWithNamesOf(db, pair.team_id, 'UNOBODY')).toEqual({ pairs: [], names: {} });
});

it('locks a meeting with its pair and reads both people, as the single reads give them; nothing for a meeting elsewhere', async () => {
  const [first] = await meetingRows(h, pair.id);
  const locked = await h.db.kysely.transaction().execute((tx) => lockPairAndMeeting(tx, pair.team_id, first!.id));
  expect(locked!.pair).toEqual(await findPairById(h.db.kysely, pair.team_id, pair.id));
  expect(locked!.meeting).toEqual(await findMeeting(h.db.kysely, pair.team_id, first!.id));
  const people = await findPeople(h.db.kysely, pair.team_id, [mentor.id, mentee.id]);
  const byId = (rows: { user_id: string }[]) => [...rows].sort((a, b) => a.user_id.localeCompare(b.user_id));
  expect(byId(locked!.people)).toEqual(byId(people));
  expect(await h.db.kysely.transaction().execute((tx) => lockPairAndMeeting(tx, 'T0OTHER', first!.id))).toBeUndefined();
});

it("reads a held meeting's agenda and the pair's next meeting as the single reads do; no next meeting after the last", async () => {
  const db = h.db.kysely;
  const [first, second] = await meetingRows(h, pair.id);
  const context = await readNotesContext(db, first!.id, pair.id, NOW);
  expect(context.agenda).toEqual(await listAgendaItems(db, first!.id));
  expect(context.agenda).toHaveLength(2);
  expect(context.next).toEqual(await upcomingMeeting(db, pair.id, NOW));
  expect(context.next!.id).toBe(second!.id);
  expect(context.next!.rescheduled_from).toEqual(new Date('2026-12-08T08:00:00Z'));
  const later = await readNotesContext(db, second!.id, pair.id, new Date('2026-12-09T00:00:00Z'));
  expect(later.next).toBeUndefined();
  expect(later.agenda).toEqual(await listAgendaItems(db, second!.id));
});

// PGlite runs one connection at a time, so two transactions can only overlap on PostgreSQL.
const onPostgres = testDbKind() === 'postgres' ? it : it.skip;
onPostgres('takes the pair lock before the meeting lock, so it queues behind a change of the pair without holding the meeting', async () => {
  const db = h.db.kysely;
  const [first] = await meetingRows(h, pair.id);
  let release!: () => void;
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const change = db.transaction().execute(async (tx) => {
    await tx.selectFrom('pairs').select('id').where('id', '=', pair.id).forUpdate().execute();
    holding();
    await released;
  });
  await held;
  const waiting = db.transaction().execute((tx) => lockPairAndMeeting(tx, pair.team_id, first!.id));
  await eventually(async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    return (rows[0]?.n ?? 0) > 0;
  });
  // While it waits for the pair, the meeting is free: someone else can lock it at once.
  const meetingFree = await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`select id from meetings where id = ${first!.id}::uuid for update nowait`.execute(tx);
    return rows.length;
  });
  expect(meetingFree).toBe(1);
  release();
  await change;
  expect((await waiting)!.meeting!.id).toBe(first!.id);
});

describe("a person's goal list in one statement", () => {
  it('gives per pair the goals on the go (soonest first, at most N), the counts, the last achieved, the items, the SWOT and the names', async () => {
    const db = h.db.kysely;
    const second = await createPair(h, { mentor: USERS.other, mentee });
    const goal = (pairId: string, title: string, status: string, target: string, extra: Record<string, unknown> = {}) =>
      db
        .insertInto('goals')
        .values({ team_id: pair.team_id, pair_id: pairId, title, status: status as 'approved', target_date: target, created_by: mentee.id, ...extra })
        .returningAll()
        .executeTakeFirstOrThrow();
    const soon = await goal(pair.id, 'Ship the design doc', 'approved', '2027-01-10', { approved_by: mentor.id, approved_at: '2026-11-24T10:00:00.25Z' });
    await goal(pair.id, 'Talk at the meetup', 'draft', '2027-03-01');
    await goal(pair.id, 'Third on the go', 'awaiting_approval', '2027-04-01');
    await goal(pair.id, 'Learn Rust', 'achieved', '2026-11-01', { achieved_at: '2026-11-20T08:00:00Z' });
    await goal(pair.id, 'Read a book', 'achieved', '2026-10-01', { achieved_at: '2026-11-10T08:00:00Z' });
    await goal(pair.id, 'Dropped one', 'dropped', '2027-02-01');
    await goal(second.id, 'Second pair goal', 'changes_requested', '2027-02-15', { changes_comment: 'Make it measurable' });
    // A new goal's items as insertItems returns them: the goal's view is built from these without reading them back.
    const inserted = await db.transaction().execute((tx) =>
      insertItems(tx, [
        { team_id: pair.team_id, goal_id: soon.id, kind: 'milestone', title: 'Outline', due_date: '2026-12-15', position: 0 },
        { team_id: pair.team_id, goal_id: soon.id, kind: 'key_result', title: 'Reviews', target_value: 3, position: 0 },
      ]),
    );
    expect(inserted).toEqual(await listItems(db, [soon.id]));
    await db.insertInto('swot_assessments').values({ team_id: pair.team_id, pair_id: second.id, strengths: 'Curious', updated_by: mentee.id }).execute();

    const read = await readGoalOverview(db, pair.team_id, mentee.id, { goalsPerPair: 2, achievedPerPair: 1 });
    expect(read.pairs).toEqual(await listPairsOf(db, pair.team_id, mentee.id));
    expect(read.active.map((g) => [g.pair_id, g.title])).toEqual(
      [
        [pair.id, 'Ship the design doc'],
        [pair.id, 'Talk at the meetup'],
        [second.id, 'Second pair goal'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const stored = await db.selectFrom('goals').selectAll().where('id', '=', soon.id).executeTakeFirstOrThrow();
    expect(read.active.find((g) => g.id === soon.id)).toEqual(stored);
    const byKey = (rows: Array<{ pair_id: string; status: string }>) =>
      [...rows].sort((a, b) => `${a.pair_id}${a.status}`.localeCompare(`${b.pair_id}${b.status}`));
    expect(byKey(read.counts)).toEqual(byKey(await goalStatusCounts(db, [pair.id, second.id])));
    expect(read.achieved).toEqual([{ pair_id: pair.id, title: 'Learn Rust', achieved_at: new Date('2026-11-20T08:00:00Z') }]);
    expect(read.items).toEqual(
      await listItems(
        db,
        read.active.map((g) => g.id),
      ),
    );
    expect(read.items).toHaveLength(2);
    expect(read.swotPairIds).toEqual([second.id]);
    expect(read.names).toEqual({ [mentor.id]: mentor.name, [USERS.other.id]: USERS.other.name });
    expect(await readGoalOverview(db, pair.team_id, 'UNOBODY', { goalsPerPair: 2, achievedPerPair: 1 })).toEqual({
      pairs: [],
      active: [],
      counts: [],
      achieved: [],
      items: [],
      swotPairIds: [],
      names: {},
    });
  });
});
