import type { ProgressItemInfo } from './snapshot';

export interface GoalProgress {
  /** 0..1 averaged over key results; null when the goal has none. */
  keyResults: number | null;
  keyResultCount: number;
  /** Key results ticked done or at their target: the "2 of 5" said next to the bar. */
  keyResultsMet: number;
  milestonesDone: number;
  milestoneCount: number;
}

/**
 * A key result counts as complete when ticked done; otherwise as current/target, capped at 1 (going
 * past a target does not make up for another key result). One without a positive target counts 0
 * until it is ticked, since there is nothing to measure it against.
 */
export function keyResultRatio(item: Pick<ProgressItemInfo, 'targetValue' | 'currentValue' | 'done'>): number {
  if (item.done) return 1;
  if (item.targetValue === null || item.targetValue <= 0) return 0;
  return Math.min(1, Math.max(0, item.currentValue / item.targetValue));
}

export function goalProgress(items: readonly ProgressItemInfo[]): GoalProgress {
  const keyResults = items.filter((item) => item.kind === 'key_result');
  const milestones = items.filter((item) => item.kind === 'milestone');
  const sum = keyResults.reduce((total, item) => total + keyResultRatio(item), 0);
  return {
    keyResults: keyResults.length === 0 ? null : sum / keyResults.length,
    keyResultCount: keyResults.length,
    keyResultsMet: keyResults.filter((item) => keyResultRatio(item) >= 1).length,
    milestonesDone: milestones.filter((item) => item.done).length,
    milestoneCount: milestones.length,
  };
}

/** "▰▰▰▱▱▱▱▱▱▱ 30%": ten cells, rounded down so a bar is only full at 100 %. */
export function progressBar(ratio: number, cells = 10): string {
  const clamped = Math.min(1, Math.max(0, ratio));
  const filled = Math.floor(clamped * cells + 1e-9);
  return `${'▰'.repeat(filled)}${'▱'.repeat(cells - filled)} ${Math.floor(clamped * 100 + 1e-9)}%`;
}
