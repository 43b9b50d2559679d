import { ProgramActions } from '../../../src/slack/ids';
import { parseCsv } from '../../support/csv';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { pressInCoordinatorsOverview, type SeededPair, seedProgram } from '../../support/program-fixtures';
import { eventually } from '../../support/wait';

/**
 * The program's CSV export (issue 16, point 6) through Slack: a coordinator presses Export CSV in
 * the overview and finds, in their DM with the bot, one file with every pair of the workspace
 * (more than one page of the export's reading), their states, dates, health and counts.
 */
const NOW = new Date('2026-12-20T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
/** More than one page of the export's reading (EXPORT_PAGE_SIZE, 500), and few enough that the overview opens well within the 3 s a trigger_id lives on a busy CI machine with the embedded database. */
const PAIRS = 520;
const { coordinator, stranger } = USERS;
let h: Harness;
let seeded: Array<{ id: string; mentorId: string; menteeId: string }>;

/** Most pairs active and meeting well; every tenth stalled, every hundredth ended. */
const stage = (i: number): SeededPair => {
  const createdAt = new Date(ago(2).getTime() - i * 60_000);
  if (i % 100 === 99) return { status: 'ended', createdAt, startedOn: '2026-06-01' };
  if (i % 10 === 9) return { status: 'active', createdAt, startedOn: '2026-10-01', meetings: [{ at: ago(30), held: true, agendaAt: ago(31) }] };
  return {
    status: 'active',
    createdAt,
    startedOn: '2026-10-01',
    meetings: [{ at: ago(14), held: true, agendaAt: ago(15) }, { at: ago(7), held: true }, { at: new Date(NOW.getTime() + 2 * DAY) }],
  };
};

beforeAll(async () => {
  h = await startHarness({ now: NOW.toISOString() });
  seeded = await seedProgram(
    h.db.kysely,
    TEAM_ID,
    Array.from({ length: PAIRS }, (_, i) => stage(i)),
  );
  // The first pair's people and what happened in it, to count (never to show: no text reaches the file).
  const first = seeded[0]!;
  const db = h.db.kysely;
  await db.updateTable('people').set({ display_name: '=HYPERLINK("http://x")' }).where('user_id', '=', first.mentorId).execute();
  await db.insertInto('people').values({ team_id: TEAM_ID, user_id: coordinator.id, display_name: 'cora', time_zone: 'Europe/Paris' }).execute();
  const base = { team_id: TEAM_ID, pair_id: first.id };
  await db
    .insertInto('goals')
    .values([
      { ...base, title: 'a', target_date: '2027-01-01', created_by: first.menteeId, status: 'achieved' },
      { ...base, title: 'b', target_date: '2027-01-01', created_by: first.menteeId, status: 'approved' },
      { ...base, title: 'c', target_date: '2027-01-01', created_by: first.menteeId, status: 'dropped' },
    ])
    .execute();
  await db
    .insertInto('appreciations')
    .values({ ...base, from_id: first.menteeId, to_id: first.mentorId, message: 'thanks' })
    .execute();
  await db
    .insertInto('feedback_requests')
    .values({ ...base, requester_id: first.menteeId, responder_id: first.mentorId, area: 'x', question: 'y' })
    .execute();
  await db
    .insertInto('learning_resources')
    .values([
      { ...base, title: 'r1', recommended_by: first.mentorId, explored_at: ago(3), explored_by: first.menteeId },
      { ...base, title: 'r2', recommended_by: first.mentorId },
    ])
    .execute();
}, 120_000);
afterAll(() => h.close());

it('sends a coordinator every pair of the workspace as a CSV file in their DM, with states, dates, health and counts', async () => {
  await h.driver.command(coordinator.id, 'program');
  await h.settle();
  const overview = await eventually(() => h.standIn.topView(coordinator.id));
  await h.driver.clickInView(coordinator.id, overview, ProgramActions.exportCsv, { value: 'all' });
  await h.settle();

  const file = await eventually(() => h.standIn.filesTo(coordinator.id)[0], 30_000);
  expect(file.name).toBe('mentorship-program-2026-12-20.csv');
  expect(file.initialComment).toContain(`The program's ${PAIRS} pairs`);
  await eventually(() => h.standIn.ephemeralsFor(coordinator.id).find((m) => m.text.includes(`CSV of the program's ${PAIRS} pairs is in your DM`)));
  const text = file.content!.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(rows).toHaveLength(PAIRS);
  const byMentor = new Map(rows.map((row) => [row[2], Object.fromEntries(header!.map((name, i) => [name, row[i]]))]));
  // Every pair once, newest first across the export's pages.
  expect(rows.map((row) => row[2])).toEqual(seeded.map((pair) => pair.mentorId));
  expect(byMentor.get(seeded[0]!.mentorId)).toEqual({
    state: 'Active',
    mentor: `'=HYPERLINK("http://x")`,
    'mentor id': seeded[0]!.mentorId,
    mentee: seeded[0]!.menteeId,
    'mentee id': seeded[0]!.menteeId,
    start: '2026-10-01',
    'planned end': '2027-06-01',
    'last meeting held (Europe/Paris)': '2026-12-13',
    'next meeting (Europe/Paris)': '2026-12-22 13:00',
    health: 'On track',
    'health reasons': '',
    'meetings held': '2',
    goals: '2',
    'goals achieved': '1',
    'agendas shared': '1',
    'notes recorded': '2',
    'feedback asked': '1',
    'resources explored': '1',
    'thanks said': '1',
  });
  expect(byMentor.get(seeded[9]!.mentorId)).toMatchObject({ state: 'Active', health: 'Stalled', 'health reasons': 'no meeting held in 21 days' });
  expect(byMentor.get(seeded[99]!.mentorId)).toMatchObject({ state: 'Ended', health: '', 'meetings held': '0' });
  // The formula is defused in the raw bytes too, not only after parsing.
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
}, 120_000);

it('refuses someone who does not coordinate, privately, and sends them no file', async () => {
  await pressInCoordinatorsOverview(h, coordinator.id, stranger.id, ProgramActions.exportCsv, 'all');
  expect(h.standIn.filesTo(stranger.id)).toEqual([]);
  expect(h.standIn.filesTo(coordinator.id)).toHaveLength(1);
});
