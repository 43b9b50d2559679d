/**
 * The program's habits (issue 16, point 4): for the pairs active in a 30-day window, the share that
 * kept each habit in it. Judged from counts only, never from what anyone wrote. The rules, as the
 * README states them, for one pair and one window:
 * - goals: 3 to 5 goals with a target date (every goal has one) that were set before the window's
 *   end and are not dropped;
 * - agenda: at least one meeting took place in the window (not skipped or cancelled, over by its
 *   end), and every one of them had its agenda shared before it started;
 * - notes: at least one meeting took place in the window, and notes were recorded for every one;
 * - feedback: at least one feedback request asked in the window;
 * - resources: at least two learning resources marked explored in the window;
 * - highlight: an achievement or challenge shared in the window: a meeting in it whose agenda
 *   carried a highlight, or an update between meetings with a win or a blocker;
 * - thanks: at least one thank-you said in the window.
 * A pair is active in a window when it had started by the window's end, had not ended before its
 * start, and is not a pending invitation. program.repository.ts counts; this file judges.
 */
export type Habit = 'goals' | 'agenda' | 'notes' | 'feedback' | 'resources' | 'highlight' | 'thanks';
export const HABITS: readonly Habit[] = ['goals', 'agenda', 'notes', 'feedback', 'resources', 'highlight', 'thanks'];

export const HABIT_WINDOW_DAYS = 30;
export const GOALS_MIN = 3;
export const GOALS_MAX = 5;
export const RESOURCES_MIN = 2;

/** What one pair did in one window: counts only. */
export interface HabitCounts {
  /** Goals set by the window's end and not dropped. */
  goals: number;
  /** Meetings that took place in the window (not skipped or cancelled, over by its end). */
  meetings: number;
  /** Of those, how many had an agenda shared before they started. */
  agendaBefore: number;
  /** Of those, how many have notes recorded. */
  withNotes: number;
  feedbackAsked: number;
  resourcesExplored: number;
  /** Meetings whose agenda carried a highlight, plus updates with a win or a blocker. */
  highlights: number;
  thanks: number;
}

export function habitsKept(counts: HabitCounts): Record<Habit, boolean> {
  const met = counts.meetings > 0;
  return {
    goals: counts.goals >= GOALS_MIN && counts.goals <= GOALS_MAX,
    agenda: met && counts.agendaBefore === counts.meetings,
    notes: met && counts.withNotes === counts.meetings,
    feedback: counts.feedbackAsked > 0,
    resources: counts.resourcesExplored >= RESOURCES_MIN,
    highlight: counts.highlights > 0,
    thanks: counts.thanks > 0,
  };
}

/** One window's result: how many pairs were active in it and how many of them kept each habit. */
export interface HabitShares {
  pairs: number;
  kept: Record<Habit, number>;
}

/** The last 30 days against the 30 before them. */
export interface HabitTrend {
  current: HabitShares;
  previous: HabitShares;
}

export function tallyHabits(pairs: Iterable<HabitCounts>): HabitShares {
  const kept = Object.fromEntries(HABITS.map((habit) => [habit, 0])) as Record<Habit, number>;
  let count = 0;
  for (const counts of pairs) {
    count += 1;
    const judged = habitsKept(counts);
    for (const habit of HABITS) if (judged[habit]) kept[habit] += 1;
  }
  return { pairs: count, kept };
}

/** A share as a whole percentage, or null when no pair was active (no share to speak of). */
export function percent(shares: HabitShares, habit: Habit): number | null {
  return shares.pairs === 0 ? null : Math.round((100 * shares.kept[habit]) / shares.pairs);
}
