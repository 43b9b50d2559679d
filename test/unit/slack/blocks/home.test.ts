import { validateBlocks, validateView, viewTooLarge } from '../../../../src/devtools/slack-stand-in';
import { dashboardBlocks, HOME_MAX_BLOCKS, homeView, MESSAGE_MAX_BLOCKS } from '../../../../src/slack/blocks/home';
import { statusMessage } from '../../../../src/slack/blocks/status';
import { HomeActions, OpenActions } from '../../../../src/slack/ids';
import { busyPair, homeSnapshot, meeting, MENTEE, MENTOR, pairSnapshot } from '../../../support/home-snapshots';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

type Json = Record<string, any>;
const text = (blocks: readonly unknown[]): string => JSON.stringify(blocks);
/** Every button in the blocks, as [action_id, value]. */
const buttons = (blocks: readonly unknown[]): Array<[string, string]> =>
  (blocks as Json[])
    .flatMap((b) => [b.accessory, ...(b.elements ?? [])])
    .filter((e) => e?.type === 'button')
    .map((e) => [e.action_id, e.value]);

describe('homeView for one pair', () => {
  it("shows a new pair: the other person, the next meeting in the viewer's zone, an empty agenda and the checklist", () => {
    const pair = pairSnapshot();
    const view = homeView(homeSnapshot([pair]));
    expect(validateView(view)).toEqual([]);
    const all = text(view.blocks);
    expect(all).toContain('Mentoring Theo');
    // 7 days ahead at 12:00Z is 13:00 in Berlin.
    expect(all).toContain('Mon 30 Nov 2026, 13:00 (Europe/Berlin), in 7 days');
    expect(all).toContain('Agenda: ⬜ not started');
    expect(all).toContain('*Goals:* none yet');
    expect(all).toContain('*Mentorship checklist*: 1 of 7 done');
    expect(buttons(view.blocks)).toEqual(
      expect.arrayContaining([
        [OpenActions.prepareAgenda, pair.next!.id],
        [OpenActions.addGoal, pair.pair.id],
        [OpenActions.writeJournal, pair.pair.id],
        [OpenActions.sayThanks, pair.pair.id],
        [OpenActions.askFeedback, pair.pair.id],
        [OpenActions.addResource, pair.pair.id],
      ]),
    );
    expect(buttons(view.blocks).some(([action]) => action === OpenActions.recordNotes)).toBe(false);
  });

  it("shows the same meeting to the mentee in the mentee's own zone", () => {
    const pair = pairSnapshot({}, 'mentee');
    const all = text(homeView(homeSnapshot([pair], { viewerId: MENTEE, viewerZone: 'America/New_York' })).blocks);
    expect(all).toContain('Mentored by Maria');
    expect(all).toContain('Mon 30 Nov 2026, 07:00 (America/New_York)');
  });

  it('renders typed text as text: no mention or broadcast gets through', () => {
    const pair = pairSnapshot({
      goals: [{ id: 'g1', title: '<!channel> ship <@U999>', status: 'approved', targetDate: '2027-01-01', progressItems: [] }],
      goalCounts: { approved: 1 },
      openActionItems: [{ id: 'a1', ownerId: MENTEE, body: 'ping <!here> & co', dueOn: null }],
      openActionItemTotal: 1,
    });
    const all = text(homeView(homeSnapshot([pair])).blocks);
    expect(all).toContain('&lt;!channel&gt; ship &lt;@U999&gt;');
    expect(all).toContain('ping &lt;!here&gt; &amp; co');
    expect(all).not.toMatch(/<!channel>|<!here>|<@U999>/);
  });

  it('lists goals with status, target and key results as a bar, and points to /mentorship goals for the rest', () => {
    const goals = ['A', 'B', 'C', 'D', 'E'].map((title, i) => ({
      id: `g${i}`,
      title,
      status: 'approved' as const,
      targetDate: '2027-02-01',
      progressItems: [
        { kind: 'key_result' as const, targetValue: 10, currentValue: 3, done: false },
        { kind: 'milestone' as const, targetValue: null, currentValue: 0, done: true },
      ],
    }));
    const all = text(homeView(homeSnapshot([pairSnapshot({ goals, goalCounts: { approved: 7, achieved: 1 } })])).blocks);
    expect(all).toContain('*Goals* (7 approved, 1 achieved)');
    expect(all).toContain('• *A* · Approved · target Mon 1 Feb 2027 · `▰▰▰▱▱▱▱▱▱▱ 30%` 0 of 1 key result met · 1 of 1 milestones done');
    expect(all).toContain('… and 3 more: `/mentorship goals`');
  });

  it('says the progress bar in words next to the glyphs: key results met of all', () => {
    const keyResult = (done: boolean) => ({ kind: 'key_result' as const, targetValue: 4, currentValue: done ? 4 : 1, done: false });
    const goal = {
      id: 'g1',
      title: 'Speak',
      status: 'approved' as const,
      targetDate: '2027-02-01',
      progressItems: [true, true, false, false, false].map(keyResult),
    };
    const all = text(homeView(homeSnapshot([pairSnapshot({ goals: [goal], goalCounts: { approved: 1 } })])).blocks);
    expect(all).toContain('`▰▰▰▰▰▱▱▱▱▱ 55%` 2 of 5 key results met');
  });

  it('lists open action items by owner, the viewer first, each with a Done button carrying its id', () => {
    const items = [
      { id: 'i1', ownerId: MENTEE, body: 'Theo first', dueOn: '2026-11-20' },
      { id: 'i2', ownerId: MENTOR, body: 'Maria second', dueOn: '2026-11-25' },
      { id: 'i3', ownerId: MENTEE, body: 'Theo third', dueOn: null },
    ];
    const blocks = homeView(homeSnapshot([pairSnapshot({ openActionItems: items, openActionItemTotal: 9 })])).blocks as Json[];
    const lines = blocks.filter((b) => b.accessory?.action_id === OpenActions.tickActionItem).map((b) => [b.text.text, b.accessory.value]);
    expect(lines).toEqual([
      ['*You:* Maria second · due Wed 25 Nov 2026', 'i2'],
      ['*Theo:* Theo first · due Fri 20 Nov 2026 *(overdue)*', 'i1'],
      ['*Theo:* Theo third · no due date', 'i3'],
    ]);
    expect(text(blocks)).toContain('*Open action items* (9)\\n… and 6 more: `/mentorship notes`');
  });

  it('offers to record notes for a meeting that ended without them', () => {
    const ended = meeting({ daysFromNow: -1, status: 'scheduled' });
    const blocks = homeView(homeSnapshot([pairSnapshot({ awaitingNotes: ended })])).blocks;
    expect(buttons(blocks)).toContainEqual([OpenActions.recordNotes, ended.id]);
    expect(text(blocks)).toContain('has ended; notes are not recorded yet');
  });

  it('shows a meeting under way as happening now', () => {
    const running = meeting({ daysFromNow: -10 / 1440, status: 'scheduled' });
    expect(text(homeView(homeSnapshot([pairSnapshot({ next: running })])).blocks)).toContain('*Meeting now* (since Mon 23 Nov 2026, 12:50 (Europe/Berlin))');
  });

  it('shows no agenda or notes buttons where there is no meeting row to attach them to', () => {
    const blocks = homeView(homeSnapshot([pairSnapshot({ next: null, rhythmNext: new Date('2026-12-07T09:00:00Z') })])).blocks;
    expect(text(blocks)).toContain('*Next meeting:* Mon 7 Dec 2026, 10:00 (Europe/Berlin), in 14 days');
    expect(text(blocks)).not.toContain('none scheduled');
    expect(buttons(blocks).filter(([action]) => action === OpenActions.prepareAgenda || action === OpenActions.recordNotes)).toEqual([]);
  });

  it('shows the planned end, not a prompt to schedule, when the rhythm plans no more meetings', () => {
    const before = pairSnapshot({ next: null, rhythmNext: null });
    before.pair.plannedEndOn = '2026-11-30';
    const after = pairSnapshot({ next: null, rhythmNext: null });
    after.pair.plannedEndOn = '2026-11-20';
    const [soon, passed] = [before, after].map((pair) => text(homeView(homeSnapshot([pair])).blocks));
    expect(soon).toContain('*Next meeting:* none before the planned end (Mon 30 Nov 2026).');
    expect(passed).toContain('*Next meeting:* none, the planned end (Fri 20 Nov 2026) has passed.');
    for (const shown of [soon, passed]) {
      expect(shown).toContain('The mentorship closes by itself');
      expect(shown).not.toContain('/mentorship meeting');
      expect(shown).not.toContain('none scheduled');
    }
  });

  it('says when the mentorship is nearly over', () => {
    const pair = pairSnapshot();
    pair.pair.plannedEndOn = '2026-12-03';
    expect(text(homeView(homeSnapshot([pair])).blocks)).toContain('until Thu 3 Dec 2026 (in 10 days) · Nearly done');
  });

  it('never renders a Slack id where a name is known, and never a journal', () => {
    const all = text(homeView(homeSnapshot([pairSnapshot()])).blocks);
    expect(all).not.toContain('journal entr');
    expect(all).not.toContain(MENTEE);
  });
});

describe('someone in no pair', () => {
  it('gets a short explanation and a button that starts a pair', () => {
    const view = homeView(homeSnapshot([]));
    expect(validateView(view)).toEqual([]);
    expect(text(view.blocks)).toContain("You're not in a mentorship pair yet");
    expect(buttons(view.blocks)).toEqual([[HomeActions.startPair, 'start']]);
  });
});

describe('several pairs', () => {
  it('gives one section per mentee, the soonest next meeting first, those with none last', () => {
    const later = busyPair(MENTOR, 'ULATER', 9);
    const sooner = busyPair(MENTOR, 'USOONER', 2);
    const none = { ...busyPair(MENTOR, 'UNONE', 1), next: null };
    const snapshot = homeSnapshot([sooner, later, none]);
    const titles = (homeView(snapshot).blocks as Json[]).filter((b) => b.type === 'header').map((b) => b.text.text);
    expect(titles).toEqual(['Your mentorship at a glance', 'Mentoring Mentee USOONER', 'Mentoring Mentee ULATER', 'Mentoring Mentee UNONE']);
  });
});

describe('block limits', () => {
  const mentees = (n: number) => Array.from({ length: n }, (_, i) => busyPair(MENTOR, `UMENTEE${i}`, i + 1));

  it.each([1, 2, 3, 5, 8, 12, 20, 33, 40, 60])('keeps a mentor with %d busy mentees within 100 blocks on Home and 50 in status', (n) => {
    const snapshot = homeSnapshot(mentees(n));
    const view = homeView(snapshot);
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(validateView(view)).toEqual([]);
    expect(viewTooLarge(view)).toBe(false);
    const status = statusMessage(snapshot);
    expect(status.blocks.length).toBeLessThanOrEqual(MESSAGE_MAX_BLOCKS);
    expect(validateBlocks(status.blocks, 'message')).toEqual([]);
  });

  it('shows the full layout for the soonest pair and still names every pair while they fit', () => {
    const view = homeView(homeSnapshot(mentees(12)));
    const all = text(view.blocks);
    expect(all).toContain('✅ *Regular meetings scheduled*'); // the per-item checklist of the full layout
    for (let i = 0; i < 12; i += 1) expect(all).toContain(`Mentee UMENTEE${i}`);
    expect(all).toContain('… and 295 more: `/mentorship notes`');
    expect(all).toContain('… and 77 more: `/mentorship resources`');
  });

  it('says how many pairs it left out when even one line each does not fit', () => {
    const view = homeView(homeSnapshot(mentees(40)));
    const all = text(view.blocks);
    expect(all).toMatch(/… and (\d+) more mentorships with later meetings/);
    const shown = (view.blocks as Json[]).filter((b) => /Mentoring Mentee/.test(b.text?.text ?? '')).length;
    const hidden = Number(/… and (\d+) more mentorships/.exec(all)?.[1]);
    expect(shown + hidden).toBe(40);
  });

  it('uses the room a message has for status: one full pair, the next ones smaller', () => {
    const blocks = dashboardBlocks(homeSnapshot(mentees(3)), MESSAGE_MAX_BLOCKS);
    expect(blocks.length).toBeLessThanOrEqual(MESSAGE_MAX_BLOCKS);
    expect(text(blocks).match(/✅ \*Regular meetings scheduled\*/g)).toHaveLength(1);
  });
});

describe('Home spoken aloud (accessibility)', () => {
  const GENERIC = new Set(['Prepare agenda', 'Add a goal', 'Record notes', 'Journal', 'Say thanks', 'Ask for feedback', 'Add a resource', 'Done ✓']);
  const layouts = {
    'one pair (full)': homeSnapshot([busyPair(MENTOR, MENTEE, 2)]),
    'three pairs (compact)': homeSnapshot([busyPair(MENTOR, MENTEE, 2), busyPair(MENTOR, 'UB', 3), busyPair(MENTOR, 'UC', 4)]),
    'many pairs (minimal)': homeSnapshot(Array.from({ length: 12 }, (_, n) => busyPair(MENTOR, n === 0 ? MENTEE : `UP${n}`, n + 1))),
  };

  it.each(Object.entries(layouts))('%s: every per-pair button names the other person, under 75 characters, and no two buttons sound alike', (_, snapshot) => {
    const blocks = homeView(snapshot).blocks;
    // The fixture's action items all have the same text: only their labels can sound alike.
    expect(ambiguousButtons(blocks).filter((spoken) => !spoken.startsWith('Mark done: Do the thing'))).toEqual([]);
    const spoken = spokenButtons(blocks);
    expect(spoken.filter((button) => (button.label ?? '').length > 75)).toEqual([]);
    const generic = spoken.filter((button) => GENERIC.has(blocksText(blocks, button)));
    expect(generic.length).toBeGreaterThan(0);
    expect(generic.filter((button) => !button.label)).toEqual([]);
    // Theo's pair's buttons name Theo ("Open the agenda of your next meeting with Theo").
    expect(spoken.some((button) => button.label === 'Open the agenda of your next meeting with Theo')).toBe(true);
  });

  it('a progress bar of glyphs always has its count in words next to it ("2 of 5")', () => {
    const all = text(homeView(layouts['one pair (full)']).blocks);
    const bars = all.match(/[▰▱]+[^`]*` [^·"]*/g) ?? [];
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) expect(bar).toMatch(/` \d+ of \d+ key results? met/);
  });
});

/** A button's visible text, found by its action and value. */
function blocksText(blocks: readonly unknown[], button: { actionId: string; value: string }): string {
  const all = (blocks as Json[]).flatMap((b) => [b.accessory, ...(b.elements ?? [])]);
  return all.find((e) => e?.type === 'button' && e.action_id === button.actionId && e.value === button.value)?.text?.text ?? '';
}
