import {
  beforeAddingAdvice,
  editOutcome,
  type GoalDraft,
  type GoalSubstance,
  habitAdvice,
  progressSummary,
  substanceChanged,
  validateGoalDraft,
} from '../../../../src/domain/goals/goal-rules';

const draft = (extra: Partial<GoalDraft> = {}): GoalDraft => ({
  title: 'Lead a design review',
  specific: 'Run it',
  measurable: 'Two decisions',
  achievable: null,
  relevant: null,
  objective: null,
  targetDate: '2027-03-01',
  keyResults: [],
  milestones: [],
  ...extra,
});
const context = { today: '2026-11-23', plannedEnd: '2027-06-01' };

describe('validateGoalDraft', () => {
  it('accepts a target date after today up to and including the planned end', () => {
    expect(validateGoalDraft(draft({ targetDate: '2026-11-24' }), context)).toEqual({});
    expect(validateGoalDraft(draft({ targetDate: '2027-06-01' }), context)).toEqual({});
  });

  it('refuses today, the past and a date after the planned end, on the target date', () => {
    expect(validateGoalDraft(draft({ targetDate: '2026-11-23' }), context)).toEqual({ targetDate: 'Pick a target date after today (Mon 23 Nov 2026).' });
    expect(validateGoalDraft(draft({ targetDate: '2025-01-01' }), context).targetDate).toMatch(/after today/);
    expect(validateGoalDraft(draft({ targetDate: '2027-06-02' }), context)).toEqual({
      targetDate: 'Pick a target date no later than the end of the mentorship (Tue 1 Jun 2027).',
    });
  });

  it('refuses a milestone after the target date, naming its line; one on the target date is fine', () => {
    const milestones = [
      { title: 'On the day', dueDate: '2027-03-01', line: 1 },
      { title: 'Too late', dueDate: '2027-03-02', line: 3 },
    ];
    expect(validateGoalDraft(draft({ milestones }), context)).toEqual({
      milestones: "Line 3: 2027-03-02 is after the goal's target date (Mon 1 Mar 2027); move the milestone or the target date.",
    });
    expect(validateGoalDraft(draft({ milestones: milestones.slice(0, 1) }), context)).toEqual({});
  });

  it('does not blame the milestones when the target date itself is wrong', () => {
    const errors = validateGoalDraft(draft({ targetDate: '2026-01-01', milestones: [{ title: 'x', dueDate: '2027-01-01', line: 1 }] }), context);
    expect(Object.keys(errors)).toEqual(['targetDate']);
  });

  it('refuses a blank or long title and more than five key results', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ title: `kr ${i}`, target: null, line: i + 1 }));
    expect(Object.keys(validateGoalDraft(draft({ title: '  ', keyResults: six }), context)).sort()).toEqual(['keyResults', 'title']);
    expect(validateGoalDraft(draft({ title: 'x'.repeat(81) }), context).title).toMatch(/80 characters/);
  });
});

describe('what an edit does', () => {
  const substance = (extra: Partial<GoalSubstance> = {}): GoalSubstance => ({
    title: 'T',
    specific: 'S',
    measurable: 'M',
    achievable: null,
    relevant: '',
    objective: null,
    targetDate: '2027-03-01',
    keyResults: [{ title: 'Ship', target: 3 }],
    milestones: [{ title: 'Draft', dueDate: '2027-01-15' }],
    ...extra,
  });

  it('sees a change of any SMART field, target, key result or milestone, and not of blanks around them', () => {
    expect(substanceChanged(substance(), substance({ title: ' T ', relevant: null }))).toBe(false);
    for (const change of [
      { title: 'U' },
      { specific: 'S2' },
      { achievable: 'now' },
      { targetDate: '2027-03-02' },
      { keyResults: [{ title: 'Ship', target: 4 }] },
      { keyResults: [{ title: 'Ship', target: null }] },
      { milestones: [{ title: 'Draft', dueDate: '2027-01-16' }] },
      { milestones: [] },
    ]) {
      expect(substanceChanged(substance(), substance(change))).toBe(true);
    }
  });

  it('sends an approved goal back for approval with a new message, and refreshes one awaiting approval', () => {
    expect(editOutcome('approved', true)).toEqual({ status: 'awaiting_approval', bumpVersion: true, channel: 'repost', clearApproval: true });
    expect(editOutcome('awaiting_approval', true)).toEqual({ status: 'awaiting_approval', bumpVersion: true, channel: 'refresh', clearApproval: false });
    expect(editOutcome('draft', true)).toEqual({ status: 'draft', bumpVersion: true, channel: 'none', clearApproval: false });
    expect(editOutcome('changes_requested', true).status).toBe('changes_requested');
    expect(editOutcome('approved', false)).toEqual({ status: 'approved', bumpVersion: false, channel: 'none', clearApproval: false });
  });
});

describe('progressSummary', () => {
  const kr = (target: number | null, current: number, done = false) => ({ kind: 'key_result' as const, target_value: target, current_value: current, done });
  const milestone = (done: boolean) => ({ kind: 'milestone' as const, target_value: null, current_value: 0, done });

  it('weighs each item the same, counting a numeric key result by its share of the target, capped at the target', () => {
    expect(progressSummary([kr(4, 2), kr(null, 0, true), milestone(false)])).toEqual({
      percent: 50,
      keyResultsMet: 1,
      keyResults: 2,
      milestonesDone: 0,
      milestones: 1,
    });
    expect(progressSummary([kr(3, 9)]).percent).toBe(100);
    expect(progressSummary([]).percent).toBeNull();
  });
});

describe('the 3-5 habit', () => {
  const facts = { activeCount: 3, sharedCount: 3, startedOn: '2026-11-23', today: '2026-12-01' };

  it('says nothing when the pair is within the habit', () => {
    expect(habitAdvice(facts)).toEqual([]);
  });

  it('notes more than five goals on the go', () => {
    expect(habitAdvice({ ...facts, activeCount: 6 })).toEqual([expect.stringMatching(/^You have 6 goals on the go\. 3-5 at a time/)]);
    expect(habitAdvice({ ...facts, activeCount: 5 })).toEqual([]);
  });

  it('notes fewer than three shared goals during the first month only', () => {
    expect(habitAdvice({ ...facts, sharedCount: 2 })).toEqual([expect.stringMatching(/2 shared so far; the first month ends Wed 23 Dec 2026/)]);
    expect(habitAdvice({ ...facts, sharedCount: 2, today: '2026-12-23' })).toEqual([]);
  });

  it('warns before a sixth goal is added, not before the fifth', () => {
    expect(beforeAddingAdvice(4)).toBeNull();
    expect(beforeAddingAdvice(5)).toMatch(/already have 5 goals on the go/);
  });
});
