import { validateView } from '../../../../src/devtools/slack-stand-in';
import { PAGE_SIZE, tally } from '../../../../src/domain/program/overview';
import { HABITS, type HabitTrend } from '../../../../src/domain/program/habits';
import { programModal } from '../../../../src/slack/blocks/program-overview';
import { programHomeBlocks } from '../../../../src/slack/blocks/program-home';
import { ProgramActions } from '../../../../src/slack/ids';
import { overviewStateOf } from '../../../../src/slack/inputs/program-form';

const NOW = new Date('2026-12-20T12:00:00Z');
const counts = tally([
  { status: 'active', health: 'stalled', n: 4000 },
  { status: 'active', health: 'needs_attention', n: 3000 },
  { status: 'invited', health: 'on_track', n: 2000 },
  { status: 'ended', health: null, n: 1000 },
]);
/** Every habit kept by some of 7000 active pairs, a few fewer than the 30 days before. */
const habits: HabitTrend = {
  current: { pairs: 7000, kept: Object.fromEntries(HABITS.map((habit, i) => [habit, 4480 - i * 500])) as HabitTrend['current']['kept'] },
  previous: { pairs: 6800, kept: Object.fromEntries(HABITS.map((habit, i) => [habit, 3468 + i * 100])) as HabitTrend['current']['kept'] },
};

/** The largest page there is: every pair with every reason, a long zone, 10,000 pairs in the workspace, many added coordinators. */
const fullPage = (page: number, more: boolean) =>
  programModal(
    {
      viewerId: 'UCOORD',
      viewerZone: 'America/Argentina/ComodRivadavia',
      now: NOW,
      filter: { status: 'active', health: 'needs_attention' },
      page,
      pairs: Array.from({ length: PAGE_SIZE }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        status: 'active' as const,
        mentorId: `UMENTOR${i}XXXXXXXX`,
        menteeId: `UMENTEE${i}XXXXXXXX`,
        startedOn: '2026-10-01',
        plannedEndOn: '2027-10-01',
        lastHeldAt: new Date('2026-12-01T10:00:00Z'),
        nextAt: new Date('2026-12-22T10:00:00Z'),
        judgement: { health: 'needs_attention' as const, reasons: ['no_notes' as const, 'no_agenda' as const, 'check_in_not_working' as const] },
      })),
      matching: 10_000,
      more,
      counts,
      habits,
      added: { userIds: Array.from({ length: 30 }, (_, i) => `UADDED${i}XXXXXXXXXX`), total: 250 },
    },
    { kind: 'admin_not_removable', userId: 'UOWNER' },
  );

describe('the program overview modal', () => {
  it('stays within Block Kit limits on its fullest page of a 10,000-pair program', () => {
    const view = fullPage(3, true);
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(40);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Pairs 61–80 of 10000');
    expect(text).toContain('and 220 more');
    expect(text).toContain("admins and owners always coordinate and can't be removed here");
  });

  it('offers Previous only after the first page and Next only when another page follows', () => {
    const buttons = (view: ReturnType<typeof fullPage>) => JSON.stringify(view.blocks);
    expect(buttons(fullPage(0, true))).not.toContain(ProgramActions.previousPage);
    expect(buttons(fullPage(0, true))).toContain(ProgramActions.nextPage);
    expect(buttons(fullPage(4, false))).toContain(ProgramActions.previousPage);
    expect(buttons(fullPage(4, false))).not.toContain(ProgramActions.nextPage);
  });

  it('keeps its filters and page in private_metadata, and starts over when the metadata is forged', () => {
    expect(overviewStateOf(fullPage(3, true).private_metadata)).toEqual({ status: 'active', health: 'needs_attention', page: 3 });
    expect(overviewStateOf('{"status":"deleted","health":null,"page":1}')).toEqual({ status: null, health: null, page: 0 });
    expect(overviewStateOf('{"status":null,"health":null,"page":99999999}')).toEqual({ status: null, health: null, page: 0 });
    expect(overviewStateOf('not json')).toEqual({ status: null, health: null, page: 0 });
  });
});

describe("the coordinator's Home section", () => {
  it('shows the counts by state and health and a button to the overview', () => {
    const text = JSON.stringify(programHomeBlocks({ counts, habits }));
    expect(text).toContain('10000 pairs: 2000 invited · 7000 active · 0 paused · 1000 ended');
    expect(text).toContain('2000 on track · 3000 need attention · 4000 stalled');
    expect(text).toContain(ProgramActions.openOverview);
  });

  it('shows each habit as a share with its 30-day trend, and a Chart button', () => {
    const text = JSON.stringify(programHomeBlocks({ counts, habits }));
    expect(text).toContain('Agenda before meeting: 57% (up from 52%)');
    expect(text).toContain('3–5 goals with target dates: 64% (up from 51%)');
    expect(text).toContain('Thanks said: 21% (down from 60%)');
    expect(text).toContain('share of the 7000 pairs active');
    expect(text).toContain(ProgramActions.habitChart);
  });
});
