import { ProgramActions } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { pressInCoordinatorsOverview, seedProgram } from '../../support/program-fixtures';
import { eventually } from '../../support/wait';

/**
 * The program's habits (issue 16, point 4) through Slack: the overview shows each habit's share of
 * the pairs active in the last 30 days against the 30 before, and Chart sends the coordinator the
 * bar chart as a PNG in their DM, with the same figures as its text.
 */
const NOW = new Date('2026-12-20T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const { coordinator, stranger } = USERS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: NOW.toISOString() });
  const db = h.db.kysely;
  const [a, b, , , e] = await seedProgram(db, TEAM_ID, [
    // A keeps agenda and notes in both windows, goals in both, and more in the last 30 days.
    {
      status: 'active',
      createdAt: ago(120),
      startedOn: '2026-09-01',
      meetings: [
        { at: ago(40), held: true, agendaAt: ago(41) },
        { at: ago(10), held: true, agendaAt: ago(11) },
      ],
    },
    // B held a meeting without an agenda now, and let one pass without notes before.
    { status: 'active', createdAt: ago(120), startedOn: '2026-09-01', meetings: [{ at: ago(40) }, { at: ago(10), held: true }] },
    // A pending invitation counts in neither window; D started ten days ago: the last window only.
    { status: 'invited', createdAt: ago(1), startedOn: '2026-12-19' },
    { status: 'active', createdAt: ago(10), startedOn: '2026-12-10' },
    // E ended 45 days ago: the window before only.
    { status: 'ended', createdAt: ago(200), startedOn: '2026-06-01' },
  ]);
  await db
    .updateTable('pairs')
    .set({ ended_at: ago(45) })
    .where('id', '=', e!.id)
    .execute();
  const base = { team_id: TEAM_ID, pair_id: a!.id };
  await db
    .insertInto('goals')
    .values(['g1', 'g2', 'g3'].map((title) => ({ ...base, title, target_date: '2027-03-01', created_by: a!.menteeId, created_at: ago(45) })))
    .execute();
  await db
    .insertInto('feedback_requests')
    .values({ ...base, requester_id: a!.menteeId, responder_id: a!.mentorId, area: 'x', question: 'y', created_at: ago(50) })
    .execute();
  await db
    .insertInto('learning_resources')
    .values([ago(5), ago(6)].map((at, i) => ({ ...base, title: `r${i}`, recommended_by: a!.mentorId, explored_at: at, explored_by: a!.menteeId })))
    .execute();
  await db
    .insertInto('appreciations')
    .values({ ...base, from_id: a!.menteeId, to_id: a!.mentorId, message: 'thanks', created_at: ago(5) })
    .execute();
  await db
    .insertInto('pair_updates')
    .values({ ...base, author_id: a!.menteeId, to_id: a!.mentorId, win: 'a win', created_at: ago(2) })
    .execute();
  // B's empty update is no achievement or challenge.
  await db
    .insertInto('pair_updates')
    .values({ team_id: TEAM_ID, pair_id: b!.id, author_id: b!.menteeId, to_id: b!.mentorId, done_since: 'x', created_at: ago(2) })
    .execute();
}, 60_000);
afterAll(() => h.close());

it("shows a coordinator each habit's share of the active pairs with its 30-day trend", async () => {
  await h.driver.command(coordinator.id, 'program');
  await h.settle();
  const overview = await eventually(() => h.standIn.topView(coordinator.id));
  const text = JSON.stringify(overview.blocks);
  expect(text).toContain('share of the 3 pairs active');
  expect(text).toContain('3–5 goals with target dates: 33% (same as before, 33%)');
  expect(text).toContain('Agenda before meeting: 33% (same as before, 33%)');
  expect(text).toContain('Notes after meeting: 67% (up from 33%)');
  expect(text).toContain('Feedback asked for: 0% (down from 33%)');
  expect(text).toContain('Two resources explored: 33% (up from 0%)');
  expect(text).toContain('Achievement or challenge shared: 33% (up from 0%)');
  expect(text).toContain('Thanks said: 33% (up from 0%)');
});

it('sends a coordinator the habits chart as a PNG in their DM, with the figures as its text', async () => {
  const overview = h.standIn.topView(coordinator.id)!;
  await h.driver.clickInView(coordinator.id, overview, ProgramActions.habitChart, { value: 'habits' });
  await h.settle();
  const file = await eventually(() => h.standIn.filesTo(coordinator.id)[0], 30_000);
  expect(file.name).toBe('mentorship-habits-2026-12-20.png');
  expect(file.content!.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.content!.length).toBeGreaterThan(2_000);
  expect(file.initialComment).toContain('Notes after meeting: 67% (up from 33%)');
  await eventually(() => h.standIn.ephemeralsFor(coordinator.id).find((m) => m.text.includes('habits chart is in your DM')));
});

it('refuses the chart to someone who does not coordinate, and sends them nothing', async () => {
  await pressInCoordinatorsOverview(h, coordinator.id, stranger.id, ProgramActions.habitChart, 'habits');
  expect(h.standIn.filesTo(stranger.id)).toEqual([]);
});
