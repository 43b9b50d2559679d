import { goalProgress, keyResultRatio, progressBar } from '../../../../src/domain/home/progress';

describe('keyResultRatio', () => {
  it.each([
    [{ targetValue: 10, currentValue: 5, done: false }, 0.5],
    [{ targetValue: 10, currentValue: 25, done: false }, 1],
    [{ targetValue: 10, currentValue: -3, done: false }, 0],
    [{ targetValue: null, currentValue: 5, done: false }, 0],
    [{ targetValue: 0, currentValue: 5, done: false }, 0],
    [{ targetValue: null, currentValue: 0, done: true }, 1],
    [{ targetValue: 10, currentValue: 2, done: true }, 1],
  ])('%j counts %d', (item, expected) => {
    expect(keyResultRatio(item)).toBe(expected);
  });
});

describe('goalProgress', () => {
  it('averages key results (overshooting one does not make up for another) and counts milestones apart', () => {
    const progress = goalProgress([
      { kind: 'key_result', targetValue: 4, currentValue: 8, done: false },
      { kind: 'key_result', targetValue: 10, currentValue: 0, done: false },
      { kind: 'milestone', targetValue: null, currentValue: 0, done: true },
      { kind: 'milestone', targetValue: null, currentValue: 0, done: false },
    ]);
    expect(progress).toEqual({ keyResults: 0.5, keyResultCount: 2, keyResultsMet: 1, milestonesDone: 1, milestoneCount: 2 });
  });

  it('has no key-result progress for a goal without key results', () => {
    expect(goalProgress([]).keyResults).toBeNull();
  });
});

describe('progressBar', () => {
  it.each([
    [0, '▱▱▱▱▱▱▱▱▱▱ 0%'],
    [0.3, '▰▰▰▱▱▱▱▱▱▱ 30%'],
    [0.999, '▰▰▰▰▰▰▰▰▰▱ 99%'],
    [1, '▰▰▰▰▰▰▰▰▰▰ 100%'],
    [1.7, '▰▰▰▰▰▰▰▰▰▰ 100%'],
  ])('%d draws %s', (ratio, bar) => {
    expect(progressBar(ratio)).toBe(bar);
  });
});
