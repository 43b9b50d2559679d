import fc from 'fast-check';
import type { Goal, GoalStatus, Pair } from '../../../../src/db/schema';
import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import type { ProgressItem } from '../../../../src/domain/goals/goals.repository';
import { goalViewOf, type PairGoalsView } from '../../../../src/domain/goals/goal-view';
import { goalListMessage, MESSAGE_BLOCK_LIMIT } from '../../../../src/slack/blocks/goal-list';
import { goalModal } from '../../../../src/slack/blocks/goal-modal';
import { goalProgressModal } from '../../../../src/slack/blocks/goal-progress-modal';
import { goalShareMessage, goalSupersededMessage } from '../../../../src/slack/blocks/goal-share';
import { GoalActions } from '../../../../src/slack/ids';
import { NO_LIFECYCLE } from '../../../support/lifecycle-rows';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const uuid = (n: number, prefix = 'a') => `${prefix.repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pair = (n: number): Pair => ({
  id: uuid(n, 'b'),
  team_id: 'T1',
  mentor_id: 'UMENTOR',
  mentee_id: `UMENTEE${n}`,
  goals_channel_id: 'CGOALS',
  cadence: 'weekly',
  meeting_time: '10:00',
  time_zone: 'Europe/Berlin',
  first_meeting_on: '2026-12-01',
  meeting_minutes: 45,
  status: 'active',
  started_on: '2026-11-23',
  planned_end_on: '2027-06-01',
  anchor_sequence: 0,
  upcoming_valid_until: null,
  wrap_up_planned_at: null,
  created_by: 'UMENTOR',
  ...NO_LIFECYCLE,
  created_at: new Date(),
  updated_at: new Date(),
});
const goal = (n: number, status: GoalStatus = 'draft', title = `Goal ${n}`): Goal => ({
  id: uuid(n),
  team_id: 'T1',
  pair_id: uuid(1, 'b'),
  title,
  specific: 'x'.repeat(500),
  measurable: 'y'.repeat(500),
  achievable: 'z'.repeat(500),
  relevant: 'w'.repeat(500),
  objective: 'o'.repeat(150),
  target_date: '2027-03-01',
  status,
  version: 2,
  approved_by: status === 'approved' ? 'UMENTOR' : null,
  approved_at: status === 'approved' ? new Date('2026-11-23T12:00:00Z') : null,
  changes_comment: status === 'changes_requested' ? 'c'.repeat(1000) : null,
  share_channel_id: null,
  share_message_ts: null,
  achieved_at: null,
  reflection: null,
  created_by: 'UMENTEE1',
  created_at: new Date(),
  updated_at: new Date(),
});
const item = (n: number, kind: ProgressItem['kind'], target: number | null = null): ProgressItem => ({
  id: uuid(n, 'c'),
  team_id: 'T1',
  goal_id: uuid(1),
  kind,
  title: 't'.repeat(150),
  target_value: target,
  current_value: 1,
  due_date: kind === 'milestone' ? '2027-01-15' : null,
  done: n % 2 === 0,
  position: n,
  updated_by: n % 2 === 0 ? 'UMENTEE1' : null,
  updated_at: new Date('2026-11-23T12:00:00Z'),
});
const entry = (n: number, goals: number, role: 'mentor' | 'mentee' = 'mentor'): PairGoalsView => ({
  pairId: pair(n).id,
  role,
  otherId: `UMENTEE${n}`,
  otherName: `Mentee ${n}`,
  mentorId: 'UMENTOR',
  active: Array.from({ length: goals }, (_, i) =>
    goalViewOf(goal(n * 1000 + i, (['draft', 'awaiting_approval', 'changes_requested', 'approved'] as const)[i % 4]), pair(n), []),
  ),
  activeTotal: goals,
  achieved: 1,
  achievedGoals: [{ title: `Goal achieved by pair ${n}`, achievedAt: new Date('2026-11-20T10:00:00Z') }],
  dropped: 0,
  advice: ['You have many goals.', 'Share more in the first month.'],
  hasSwot: false,
});

describe('goalListMessage', () => {
  it('fits any number of pairs and goals in 50 valid blocks, showing or counting every goal and pair', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 15 }), fc.boolean(), (counts, notice) => {
        const pairs = counts.map((count, i) => entry(i + 1, count));
        const message = goalListMessage(pairs, notice ? 'Saved.' : undefined);
        expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCK_LIMIT);
        expect(validateBlocks(message.blocks, 'message')).toEqual([]);
        const text = JSON.stringify(message.blocks);
        const shownGoals = (text.match(new RegExp(`"action_id":"${GoalActions.edit}"`, 'g')) ?? []).length;
        const hiddenGoals = [...text.matchAll(/(\d+) more goals? on the go/g)].reduce((sum, m) => sum + Number(m[1]), 0);
        const shownPairs = (text.match(/"action_id":"open_add_goal"/g) ?? []).length;
        const hiddenPairs = Number(/(\d+) more mentorships? not shown/.exec(text)?.[1] ?? 0);
        expect(shownPairs + hiddenPairs).toBe(pairs.length);
        const goalsOfShownPairs = counts.slice(0, shownPairs).reduce((sum, count) => sum + count, 0);
        expect(shownGoals + hiddenGoals).toBe(goalsOfShownPairs);
      }),
      { numRuns: 200 },
    );
  });

  it('shares the room between pairs instead of letting the first one take it all', () => {
    const message = goalListMessage([entry(1, 40), entry(2, 40)]);
    const text = JSON.stringify(message.blocks);
    const perPair = [1, 2].map((n) => (text.match(new RegExp(`"block_id":"goal_aaaaaaaa-0000-4000-8000-00000000${n}\\d{3}"`, 'g')) ?? []).length);
    expect(perPair[0]).toBeGreaterThan(5);
    expect(Math.abs(perPair[0]! - perPair[1]!)).toBeLessThanOrEqual(1);
  });

  it('offers Share only before approval, and Mark achieved only once approved', () => {
    const byStatus = (status: GoalStatus) => {
      const message = goalListMessage([{ ...entry(1, 0), active: [goalViewOf(goal(1, status), pair(1), [])] }]);
      return JSON.stringify(message.blocks);
    };
    expect(byStatus('draft')).toContain(GoalActions.share);
    expect(byStatus('approved')).not.toContain(GoalActions.share);
    expect(byStatus('approved')).toContain(GoalActions.achieve);
    expect(byStatus('awaiting_approval')).toContain('Share again');
    expect(byStatus('changes_requested')).not.toContain(GoalActions.achieve);
  });
});

describe('the approval message and the modals', () => {
  const details = (status: GoalStatus) =>
    goalViewOf(goal(1, status, '<!channel> a title'), pair(1), [
      item(1, 'key_result', 3),
      item(2, 'key_result'),
      ...Array.from({ length: 10 }, (_, i) => item(10 + i, 'milestone')),
    ]);

  it.each(['awaiting_approval', 'approved', 'changes_requested', 'achieved', 'dropped'] as const)(
    'stays within Slack limits at full length when %s',
    (status) => {
      const message = goalShareMessage(details(status));
      expect(validateBlocks(message.blocks, 'message')).toEqual([]);
      expect(JSON.stringify(message)).not.toContain('<!channel>');
      expect(validateBlocks(goalSupersededMessage(details(status)).blocks, 'message')).toEqual([]);
    },
  );

  it('puts Approve and Request changes, carrying id and version, only on a goal awaiting approval', () => {
    const awaiting = JSON.stringify(goalShareMessage(details('awaiting_approval')).blocks);
    expect(awaiting).toContain(`"value":"${uuid(1)}:2"`);
    expect(JSON.stringify(goalShareMessage(details('approved')).blocks)).not.toContain(GoalActions.approve);
  });

  it('tells whoever edits an approved goal what happens to its approval, in words for their role', () => {
    const note = (viewerIsMentor: boolean) =>
      JSON.stringify(
        goalModal({
          pairId: uuid(9),
          goal: { id: uuid(1), status: 'approved', viewerIsMentor },
          values: { targetDate: '2027-03-01' },
          plannedEnd: '2027-06-01',
        }).blocks,
      );
    expect(note(false)).toContain('sends it back to your mentor for approval');
    expect(note(true)).toContain('means approving it again in the goals channel');
    expect(note(true)).not.toContain('your mentor');
  });

  it('builds modals Slack accepts, at full length', () => {
    const full = details('approved');
    const modal = goalModal({
      pairId: full.pairId,
      goal: { id: full.id, status: 'draft' },
      values: { title: 'x'.repeat(80), specific: 's'.repeat(500), targetDate: '2027-03-01', keyResults: 'k'.repeat(1000), milestones: 'm'.repeat(1500) },
      plannedEnd: '2027-06-01',
      advice: 'a'.repeat(400),
      originChannelId: 'CGOALS',
    });
    expect(validateView(modal)).toEqual([]);
    expect(validateView(goalProgressModal(full, { timeZone: 'America/New_York', names: { UMENTEE1: 'n'.repeat(80) } }))).toEqual([]);
  });
});

describe('goal buttons for screen readers', () => {
  it("name the goal each button acts on, within Slack's 75 characters, even for the longest title", () => {
    const long = {
      ...entry(1, 0),
      active: [1, 2, 3].map((n) => goalViewOf(goal(n, 'approved', `${n}. ${'Become a confident speaker '.repeat(3)}`), pair(1), [])),
    };
    const message = goalListMessage([long, entry(2, 3)]);
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    const edits = spokenButtons(message.blocks).filter((b) => b.actionId === GoalActions.edit);
    expect(edits[0]!.spoken).toMatch(/^Edit the goal: 1\. Become a confident speaker/);
    expect(
      spokenButtons(message.blocks)
        .filter((b) => b.actionId === 'open_add_goal')
        .map((b) => b.spoken),
    ).toEqual(['Add a goal to your mentorship with Mentee 1', 'Add a goal to your mentorship with Mentee 2']);
    expect(edits.every((b) => b.spoken.length <= 75)).toBe(true);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
  });

  it('name the goal on the Approve and Request changes buttons of a shared goal', () => {
    const message = goalShareMessage(goalViewOf(goal(7, 'awaiting_approval', 'Run a retro'), pair(1), []));
    expect(spokenButtons(message.blocks).map((b) => b.spoken)).toEqual(['Approve the goal: Run a retro', 'Request changes to the goal: Run a retro']);
  });
});
