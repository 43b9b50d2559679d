import { formatLocalDate } from '../time/zoned';
import type { MeetingInfo, PairSnapshot } from './snapshot';

/**
 * The mentorship action checklist, computed from what the pair actually recorded; nothing in it is
 * ticked by hand. "The last meeting" is always the latest meeting with status 'held'. The rules
 * (docs/usage.md, "The mentorship checklist"):
 *
 * - goals: at least 3 goals that are not dropped (achieved ones count: they were defined), and no
 *   more than 5 of them still open (not achieved). Every goal has a target date (the schema requires it).
 * - meetings: the pair is active and its rhythm has a meeting ahead, or none is left before the planned end.
 * - notes: the last meeting has takeaways, and at least one action item tied to it (meeting_id) or
 *   written, untied, at or after its start.
 * - feedback: for the last meeting a feedback area was named (its feedback focus or a feedback-area
 *   agenda item), or a feedback request is tied to it, or one was made, untied, between 24 hours before
 *   its start and 24 hours after its end.
 * - resources: at least 2 of the pair's resources explored since the last meeting's start (since the
 *   pair was created when no meeting was held yet).
 * - highlight: the next meeting's agenda shares an achievement or challenge (its shared highlight or a
 *   highlight agenda item); with no next meeting row, the last meeting's (none while the rhythm's next
 *   meeting waits for its row).
 * - thanks: an appreciation tied to the last meeting, or written, untied, at or after its start.
 *
 * Items about the last meeting are 'waiting' until one was held: nothing can be done about them yet.
 */
export type ChecklistKey = 'goals' | 'meetings' | 'notes' | 'feedback' | 'resources' | 'highlight' | 'thanks';
export type ChecklistState = 'done' | 'todo' | 'waiting';

export interface ChecklistItem {
  key: ChecklistKey;
  state: ChecklistState;
  /** A short plain-English status line (numbers and states only, never typed text). */
  detail: string;
  /** The meeting an action on this item is about (agenda or notes), when there is one. */
  meetingId: string | null;
}

export const MIN_GOALS = 3;
export const MAX_OPEN_GOALS = 5;
export const RESOURCES_PER_CYCLE = 2;
/** How far around the last meeting an untied feedback request still counts as asked "at" it. */
export const FEEDBACK_WINDOW_MS = 24 * 3_600_000;

/** Where "since the last meeting" starts: its start, or the pair's creation before any meeting was held. */
export function sinceLastMeeting(lastHeld: Pick<MeetingInfo, 'scheduledAt'> | null, pairCreatedAt: Date): Date {
  return lastHeld ? lastHeld.scheduledAt : pairCreatedAt;
}

const filled = (text: string | null): boolean => text !== null && text.trim() !== '';
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const WAITING_FOR_MEETING = 'After your first meeting.';

export function checklist(snapshot: PairSnapshot): ChecklistItem[] {
  return [
    goalsItem(snapshot),
    meetingsItem(snapshot),
    notesItem(snapshot),
    feedbackItem(snapshot),
    resourcesItem(snapshot),
    highlightItem(snapshot),
    thanksItem(snapshot),
  ];
}

export function checklistScore(items: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: items.filter((item) => item.state === 'done').length, total: items.length };
}

function goalsItem({ goalCounts }: PairSnapshot): ChecklistItem {
  const count = (status: keyof typeof goalCounts) => goalCounts[status] ?? 0;
  const achieved = count('achieved');
  const open = count('draft') + count('awaiting_approval') + count('changes_requested') + count('approved');
  const defined = open + achieved;
  const base = { key: 'goals' as const, meetingId: null };
  if (defined === 0) return { ...base, state: 'todo', detail: `No goals yet: draft ${MIN_GOALS} to ${MAX_OPEN_GOALS}, each with a target date.` };
  if (defined < MIN_GOALS) return { ...base, state: 'todo', detail: `${defined} of at least ${MIN_GOALS} goals defined.` };
  if (open > MAX_OPEN_GOALS) return { ...base, state: 'todo', detail: `${open} goals open: keep ${MIN_GOALS} to ${MAX_OPEN_GOALS} in focus.` };
  const approved = count('approved');
  const waiting = count('awaiting_approval');
  const parts = [
    plural(defined, 'goal'),
    `${approved} approved`,
    ...(achieved ? [`${achieved} achieved`] : []),
    ...(waiting ? [`${waiting} awaiting approval`] : []),
  ];
  return { ...base, state: 'done', detail: `${parts.join(', ')}.` };
}

function meetingsItem({ pair, next, rhythmNext }: PairSnapshot): ChecklistItem {
  const base = { key: 'meetings' as const, meetingId: next?.id ?? null };
  if (pair.status !== 'active') return { ...base, state: 'todo', detail: `The mentorship is ${pair.status}.` };
  // The rhythm schedules every meeting up to the planned end; after that there is nothing to schedule.
  if (!next && !rhythmNext)
    return { ...base, state: 'done', detail: `No more meetings: the mentorship's planned end is ${formatLocalDate(pair.plannedEndOn)}.` };
  return {
    ...base,
    state: 'done',
    detail: `Meeting every ${pair.cadence === 'weekly' ? 'week' : pair.cadence === 'biweekly' ? 'two weeks' : 'month'}; the next one is scheduled.`,
  };
}

function notesItem({ lastHeld, lastHeldFacts }: PairSnapshot): ChecklistItem {
  const base = { key: 'notes' as const, meetingId: lastHeld?.id ?? null };
  if (!lastHeld) return { ...base, state: 'waiting', detail: WAITING_FOR_MEETING };
  if (!filled(lastHeld.takeaways)) return { ...base, state: 'todo', detail: 'No takeaways recorded for the last meeting.' };
  if (lastHeldFacts.actionItems === 0) return { ...base, state: 'todo', detail: 'Takeaways recorded; no action items yet.' };
  return { ...base, state: 'done', detail: `Takeaways and ${plural(lastHeldFacts.actionItems, 'action item')} recorded.` };
}

function feedbackItem({ lastHeld, lastHeldFacts }: PairSnapshot): ChecklistItem {
  const base = { key: 'feedback' as const, meetingId: lastHeld?.id ?? null };
  if (!lastHeld) return { ...base, state: 'waiting', detail: WAITING_FOR_MEETING };
  if (lastHeldFacts.feedbackRequests > 0)
    return { ...base, state: 'done', detail: `${plural(lastHeldFacts.feedbackRequests, 'feedback request')} at the last meeting.` };
  if (filled(lastHeld.feedbackFocus) || lastHeldFacts.feedbackAreaItems > 0)
    return { ...base, state: 'done', detail: 'A feedback area was set for the last meeting.' };
  return { ...base, state: 'todo', detail: 'No feedback asked for at the last meeting.' };
}

function resourcesItem({ lastHeld, exploredSinceTotal }: PairSnapshot): ChecklistItem {
  const since = lastHeld ? 'since the last meeting' : 'so far';
  if (exploredSinceTotal >= RESOURCES_PER_CYCLE)
    return { key: 'resources', meetingId: null, state: 'done', detail: `${exploredSinceTotal} explored ${since}.` };
  return { key: 'resources', meetingId: null, state: 'todo', detail: `${exploredSinceTotal} of ${RESOURCES_PER_CYCLE} explored ${since}.` };
}

function highlightItem({ next, rhythmNext, nextAgenda, lastHeld, lastHeldFacts }: PairSnapshot): ChecklistItem {
  const base = { key: 'highlight' as const, meetingId: next?.id ?? null };
  // The next meeting is known from the rhythm but has no row (so no agenda) yet: nothing is shared in it.
  if (!next && rhythmNext) return { ...base, state: 'todo', detail: 'Not in the next agenda yet.' };
  if (next) {
    const shared = filled(next.sharedHighlight) || (nextAgenda.highlight ?? 0) > 0;
    return { ...base, state: shared ? 'done' : 'todo', detail: shared ? 'Shared in the next agenda.' : 'Not in the next agenda yet.' };
  }
  if (lastHeld) {
    const shared = filled(lastHeld.sharedHighlight) || lastHeldFacts.highlightItems > 0;
    return { ...base, state: shared ? 'done' : 'todo', detail: shared ? 'Shared at the last meeting.' : 'Not shared at the last meeting.' };
  }
  return { ...base, state: 'waiting', detail: 'Once a meeting is scheduled.' };
}

function thanksItem({ lastHeld, lastHeldFacts }: PairSnapshot): ChecklistItem {
  const base = { key: 'thanks' as const, meetingId: lastHeld?.id ?? null };
  if (!lastHeld) return { ...base, state: 'waiting', detail: WAITING_FOR_MEETING };
  if (lastHeldFacts.appreciations > 0) return { ...base, state: 'done', detail: 'Thanks were said after the last meeting.' };
  return { ...base, state: 'todo', detail: 'No thanks yet for the last meeting.' };
}
