import { type HabitCounts, habitsKept, percent, tallyHabits } from '../../../../src/domain/program/habits';

const none: HabitCounts = { goals: 0, meetings: 0, agendaBefore: 0, withNotes: 0, feedbackAsked: 0, resourcesExplored: 0, highlights: 0, thanks: 0 };
const kept = (counts: Partial<HabitCounts>) => habitsKept({ ...none, ...counts });

describe('the program habits of one pair in one window', () => {
  it('keeps no habit when nothing happened', () => {
    expect(Object.values(kept({})).some(Boolean)).toBe(false);
  });

  it('counts 3 to 5 goals with target dates, not 2 and not 6', () => {
    expect([2, 3, 4, 5, 6].map((goals) => kept({ goals }).goals)).toEqual([false, true, true, true, false]);
  });

  it('needs an agenda before every meeting that took place, and at least one meeting', () => {
    expect(kept({ meetings: 0, agendaBefore: 0 }).agenda).toBe(false);
    expect(kept({ meetings: 2, agendaBefore: 1 }).agenda).toBe(false);
    expect(kept({ meetings: 2, agendaBefore: 2 }).agenda).toBe(true);
  });

  it('needs notes after every meeting that took place, and at least one meeting', () => {
    expect(kept({ meetings: 0, withNotes: 0 }).notes).toBe(false);
    expect(kept({ meetings: 3, withNotes: 2 }).notes).toBe(false);
    expect(kept({ meetings: 1, withNotes: 1 }).notes).toBe(true);
  });

  it('needs one feedback request, two resources explored, one highlight and one thank-you', () => {
    expect([kept({ feedbackAsked: 1 }).feedback, kept({ resourcesExplored: 1 }).resources, kept({ resourcesExplored: 2 }).resources]).toEqual([
      true,
      false,
      true,
    ]);
    expect([kept({ highlights: 1 }).highlight, kept({ thanks: 1 }).thanks]).toEqual([true, true]);
  });
});

describe('the program habits of many pairs', () => {
  it('counts the pairs keeping each habit and gives shares in whole percent', () => {
    const shares = tallyHabits([{ ...none, thanks: 1 }, { ...none, thanks: 2, goals: 3 }, none]);
    expect(shares.pairs).toBe(3);
    expect(shares.kept.thanks).toBe(2);
    expect(shares.kept.goals).toBe(1);
    expect(percent(shares, 'thanks')).toBe(67);
    expect(percent(shares, 'agenda')).toBe(0);
  });

  it('has no share when no pair was active', () => {
    expect(percent(tallyHabits([]), 'thanks')).toBeNull();
  });
});
