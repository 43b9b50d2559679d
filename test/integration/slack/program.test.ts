import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { PairModal, ProgramActions } from '../../../src/slack/ids';
import { textOf } from '../../support/goal-fixtures';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { setUpPair, pairOf } from '../../support/pair-life-fixtures';
import { type SeededPair, seedProgram } from '../../support/program-fixtures';
import { eventually } from '../../support/wait';

/**
 * Program coordinators (issue 16, points 1 and 2) through Slack: who coordinates, the overview of
 * 120 pairs at every stage (health, paging, filters), and the coordinator's section on Home.
 */
const NOW = new Date('2026-12-20T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const { coordinator, stranger, other, mentor, mentee } = USERS;
const OWNER = { id: 'UOWNER', name: 'olivia', realName: 'Olivia Owner', tz: 'UTC', isOwner: true } as const;
const HELPER = { id: 'UHELPER', name: 'hal', realName: 'Hal Helper', tz: 'UTC' } as const;
let h: Harness;

/**
 * 120 pairs, newest first, six stages in turn: an invitation pending 5 days (needs attention), one
 * pending a day (on track), active with nothing held for 30 days (stalled), active whose last two
 * meetings had neither notes nor agenda (needs attention), active and meeting well (on track), and
 * alternately ended (no health) or paused since two months (on track).
 */
const stage = (i: number): SeededPair => {
  const createdAt = new Date(ago(1).getTime() - i * 60_000);
  switch (i % 6) {
    case 0:
      return { status: 'invited', createdAt: new Date(ago(5).getTime() - i * 60_000), startedOn: '2026-12-15' };
    case 1:
      return { status: 'invited', createdAt, startedOn: '2026-12-19' };
    case 2:
      return { status: 'active', createdAt, startedOn: '2026-10-01', meetings: [{ at: ago(30), held: true, agendaAt: ago(31) }] };
    case 3:
      return {
        status: 'active',
        createdAt,
        startedOn: '2026-10-01',
        meetings: [{ at: ago(14), held: true, agendaAt: ago(15) }, { at: ago(7) }, { at: ago(1) }],
      };
    case 4:
      return {
        status: 'active',
        createdAt,
        startedOn: '2026-10-01',
        meetings: [{ at: ago(14), held: true, agendaAt: ago(15) }, { at: ago(7), held: true, agendaAt: ago(8) }, { at: new Date(NOW.getTime() + 2 * DAY) }],
      };
    default:
      return i % 12 === 5
        ? { status: 'ended', createdAt, startedOn: '2026-06-01', meetings: [{ at: ago(40) }, { at: ago(33) }] }
        : { status: 'paused', createdAt, startedOn: '2026-09-01', meetings: [{ at: ago(60), held: true, agendaAt: ago(61) }] };
  }
};

beforeAll(async () => {
  h = await startHarness({ now: NOW.toISOString() });
  h.standIn.addUser(OWNER);
  h.standIn.addUser(HELPER);
  await seedProgram(
    h.db.kysely,
    TEAM_ID,
    Array.from({ length: 120 }, (_, i) => stage(i)),
  );
}, 60_000);
afterAll(() => h.close());

/** Runs `/mentorship program` as `userId`: the overview they now have open, or undefined (with the ephemeral they got). */
async function openOverview(userId: string): Promise<{ view?: StoredView; refusal?: string }> {
  for (const view of h.standIn.openViews(userId)) h.standIn.closeView(userId, view.id);
  const ephemerals = h.standIn.ephemeralsFor(userId).length;
  await h.driver.command(userId, 'program');
  await h.settle();
  const view = h.standIn.topView(userId);
  const refusal = h.standIn
    .ephemeralsFor(userId)
    .slice(ephemerals)
    .map((m) => m.text)
    .join('\n');
  return { view, refusal };
}

const overviewOf = (userId: string) => h.standIn.topView(userId)!;
const pairLines = (view: StoredView): string[] =>
  (view.blocks as Array<{ type: string; text?: { text: string } }>)
    .filter((b) => b.type === 'section' && / mentors /.test(b.text?.text ?? ''))
    .map((b) => b.text!.text);

async function act(userId: string, actionId: string, value?: string): Promise<StoredView> {
  await h.driver.clickInView(userId, overviewOf(userId), actionId, value === undefined ? {} : { value });
  await h.settle();
  return overviewOf(userId);
}

describe('who coordinates', () => {
  it('opens the overview for a workspace admin and for an owner', async () => {
    expect((await openOverview(coordinator.id)).view?.callback_id).toBe('program_overview');
    expect((await openOverview(OWNER.id)).view?.callback_id).toBe('program_overview');
  });

  it('refuses everyone else politely, privately, and opens nothing', async () => {
    for (const person of [stranger, mentor, mentee]) {
      const { view, refusal } = await openOverview(person.id);
      expect(view).toBeUndefined();
      expect(refusal).toMatch(/for program coordinators/);
    }
  });

  it('lets a coordinator add someone, who then coordinates, and remove them again, after which they are refused', async () => {
    await openOverview(coordinator.id);
    let view = await act(coordinator.id, ProgramActions.addCoordinator, HELPER.id);
    expect(textOf(view)).toContain(`<@${HELPER.id}> now coordinates the program`);
    expect(textOf(view)).toContain(`people a coordinator added: <@${HELPER.id}>`);
    expect((await openOverview(HELPER.id)).view).toBeDefined();

    await openOverview(coordinator.id);
    view = await act(coordinator.id, ProgramActions.removeCoordinator, HELPER.id);
    expect(textOf(view)).toContain(`<@${HELPER.id}> no longer coordinates the program`);
    expect((await openOverview(HELPER.id)).refusal).toMatch(/for program coordinators/);
  });

  it('says admins and owners cannot be removed, and they stay coordinators', async () => {
    await openOverview(coordinator.id);
    const view = await act(coordinator.id, ProgramActions.removeCoordinator, OWNER.id);
    expect(textOf(view)).toContain("admins and owners always coordinate and can't be removed here");
    expect((await openOverview(OWNER.id)).view).toBeDefined();
  });

  it('no longer counts an added coordinator whose account was deactivated', async () => {
    await openOverview(coordinator.id);
    await act(coordinator.id, ProgramActions.addCoordinator, HELPER.id);
    expect((await openOverview(HELPER.id)).view).toBeDefined();
    h.standIn.updateUser(HELPER.id, { deleted: true });
    expect((await openOverview(HELPER.id)).refusal).toMatch(/for program coordinators/);
    h.standIn.updateUser(HELPER.id, { deleted: false });
  });

  it('lets an added coordinator pair two other people, who start at once (the same rule as the overview)', async () => {
    expect((await openOverview(HELPER.id)).view).toBeDefined();
    h.standIn.closeView(HELPER.id, h.standIn.topView(HELPER.id)!.id);
    const result = await setUpPair(h, HELPER.id, { mentor: other.id, mentee: stranger.id, [PairModal.blocks.firstDate]: '2026-12-22' });
    expect(result.errors).toBeUndefined();
    expect(await pairOf(h, other.id, stranger.id)).toMatchObject({ status: 'active', coordinator_id: HELPER.id });
    // And once removed, they may not.
    await openOverview(coordinator.id);
    await act(coordinator.id, ProgramActions.removeCoordinator, HELPER.id);
    const refused = await setUpPair(h, HELPER.id, { mentor: mentor.id, mentee: mentee.id, [PairModal.blocks.firstDate]: '2026-12-22' });
    expect(refused.errors?.[PairModal.blocks.mentor]).toMatch(/Only a program coordinator/);
  });
});

describe('the overview', () => {
  // The pair Helper set up above makes 121: an active pair, just started (on track).
  it('counts every pair by state and health, and shows the first 20, newest first, with their dates', async () => {
    const { view } = await openOverview(coordinator.id);
    const text = textOf(view);
    expect(text).toContain('121 pairs: 40 invited · 61 active · 10 paused · 10 ended');
    expect(text).toContain('Health of the pairs that have not ended: 51 on track · 40 need attention · 20 stalled');
    const lines = pairLines(view!);
    expect(lines).toHaveLength(20);
    expect(text).toContain('Pairs 1–20 of 121');
    expect(lines[0]).toContain('<@UPM1> mentors <@UPE1> · *Invited* · :large_green_circle: On track');
    expect(lines[1]).toContain(':red_circle: Stalled (no meeting held in 21 days)');
    expect(lines[2]).toContain(':large_yellow_circle: Needs attention (no notes after the last two meetings; no agenda before the last two meetings)');
    expect(lines[3]).toContain('<@UPM4> mentors <@UPE4> · *Active* · :large_green_circle: On track');
    expect(lines[3]).toContain('Start Thu 1 Oct 2026 · planned end Tue 1 Jun 2027');
    expect(lines[3]).toContain('Last meeting held: Sun 13 Dec 2026 · next meeting: Tue 22 Dec 2026, 12:00 (UTC)');
    expect(lines[4]).toContain('<@UPM5> mentors <@UPE5> · *Ended* · No health: ended');
  });

  it('pages through 121 pairs with Next and Previous, never more than 20 a page', async () => {
    let view = overviewOf(coordinator.id);
    for (let page = 1; page <= 6; page += 1) {
      view = await act(coordinator.id, ProgramActions.nextPage);
      expect(pairLines(view).length).toBeLessThanOrEqual(20);
      expect(textOf(view)).toContain(`Pairs ${page * 20 + 1}–`);
    }
    expect(textOf(view)).toContain('Pairs 121–121 of 121');
    // Set up through Slack, it was stamped by the database's own clock, older than the seeded ones.
    expect(pairLines(view)[0]).toContain(`<@${other.id}> mentors <@${stranger.id}> · *Active* · :large_green_circle: On track`);
    expect(JSON.stringify(view.blocks)).not.toContain(ProgramActions.nextPage);
    view = await act(coordinator.id, ProgramActions.previousPage);
    expect(textOf(view)).toContain('Pairs 101–120 of 121');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('filters by state and by health, back to the first page, and the health shown agrees with the filter', async () => {
    await openOverview(coordinator.id);
    expect(textOf(await act(coordinator.id, ProgramActions.nextPage))).toContain('Pairs 21–40');
    let view = await act(coordinator.id, ProgramActions.filterState, 'invited');
    expect(textOf(view)).toContain('Pairs 1–20 of 40');
    expect(pairLines(view).every((line) => line.includes('*Invited*'))).toBe(true);

    view = await act(coordinator.id, ProgramActions.filterHealth, 'needs_attention');
    expect(textOf(view)).toContain('Pairs 1–20 of 20');
    expect(pairLines(view).every((line) => line.includes('*Invited* · :large_yellow_circle: Needs attention (invitation pending for over 3 days)'))).toBe(true);

    view = await act(coordinator.id, ProgramActions.filterState, 'all');
    expect(textOf(view)).toContain('of 40');
    // Every page of the SQL filter shows only pairs the pure rule judges the same way.
    for (const [health, label, count] of [
      ['stalled', 'Stalled', 20],
      ['needs_attention', 'Needs attention', 40],
      ['on_track', 'On track', 51],
    ] as const) {
      view = await act(coordinator.id, ProgramActions.filterHealth, health);
      let shown = pairLines(view);
      while (JSON.stringify(view.blocks).includes(ProgramActions.nextPage)) {
        view = await act(coordinator.id, ProgramActions.nextPage);
        shown = [...shown, ...pairLines(view)];
      }
      expect(shown).toHaveLength(count);
      expect(shown.filter((line) => !line.includes(label))).toEqual([]);
    }
  });
});

describe('Home', () => {
  it("gives a coordinator's Home the program at a glance, with a button to the overview", async () => {
    await h.driver.appHomeOpened(coordinator.id);
    const home = await eventually(() => h.standIn.homeView(coordinator.id));
    expect(textOf(home)).toContain('Your program');
    expect(textOf(home)).toContain('51 on track · 40 need attention · 20 stalled');
    for (const view of h.standIn.openViews(coordinator.id)) h.standIn.closeView(coordinator.id, view.id);
    await h.driver.clickInView(coordinator.id, home, ProgramActions.openOverview);
    await h.settle();
    expect(h.standIn.topView(coordinator.id)?.callback_id).toBe('program_overview');
  });

  it('shows no program section to anyone else', async () => {
    await h.driver.appHomeOpened(mentor.id);
    const home = await eventually(() => h.standIn.homeView(mentor.id));
    expect(textOf(home)).not.toContain('Your program');
  });
});
