import type { LocalDate, PairStatus } from '../../db/schema';

/**
 * A pair's health as the program overview shows it (issue 16, point 2). The rules, as the README
 * states them:
 * - stalled: active, and no meeting held (notes recorded) in the last 21 days, counting from the
 *   start when none was held yet;
 * - needs attention: an invitation pending for more than 3 days; or, for an active or paused pair,
 *   neither of its last two meetings has notes, or neither had an agenda shared before it, or the
 *   latest check-in either person chose to share with the coordinator says "not working" (an answer
 *   kept private never changes the health);
 * - on track: everything else. An ended pair has no health.
 * This is the definition; program.repository.ts computes the same in SQL so a page can be filtered
 * by health in the database (a test checks the two agree at every stage of a pair).
 */
export type PairHealth = 'on_track' | 'needs_attention' | 'stalled';
export const HEALTHS: readonly PairHealth[] = ['on_track', 'needs_attention', 'stalled'];

export const STALLED_AFTER_DAYS = 21;
export const INVITATION_LATE_AFTER_DAYS = 3;
/** How many of the latest meetings the notes and agenda rules look at. */
export const RECENT_MEETINGS = 2;

export type HealthReason = 'no_meeting_held' | 'invitation_pending' | 'no_notes' | 'no_agenda' | 'check_in_not_working';

/** What health is judged from: nothing any person typed, only dates and whether things happened. */
export interface HealthFacts {
  status: PairStatus;
  startedOn: LocalDate;
  /** When the pair was set up (an invitation is pending since then). */
  createdAt: Date;
  /** The start of the latest meeting held; null when none was. */
  lastHeldAt: Date | null;
  /** Of the (up to) two latest meetings that have ended and were not skipped: how many, and how many lacked notes or an agenda before them. */
  recent: { count: number; withoutNotes: number; withoutAgenda: number };
  /** Whether either person's latest shared check-in answered "not working" (private answers are never facts). */
  sharedNotWorking: boolean;
}

export interface Judgement {
  health: PairHealth;
  reasons: HealthReason[];
}

const DAY_MS = 86_400_000;

export function judgeHealth(facts: HealthFacts, now: Date): Judgement | null {
  if (facts.status === 'ended') return null;
  if (facts.status === 'invited') {
    const late = now.getTime() - facts.createdAt.getTime() > INVITATION_LATE_AFTER_DAYS * DAY_MS;
    return late ? { health: 'needs_attention', reasons: ['invitation_pending'] } : { health: 'on_track', reasons: [] };
  }
  const since = facts.lastHeldAt ?? new Date(`${facts.startedOn}T00:00:00Z`);
  // A shared "not working" is named whatever else the health is: its author asked the coordinator to know.
  const checkIn: HealthReason[] = facts.sharedNotWorking ? ['check_in_not_working'] : [];
  if (facts.status === 'active' && now.getTime() - since.getTime() > STALLED_AFTER_DAYS * DAY_MS)
    return { health: 'stalled', reasons: ['no_meeting_held', ...checkIn] };
  const full = facts.recent.count === RECENT_MEETINGS;
  const reasons: HealthReason[] = [];
  if (full && facts.recent.withoutNotes === RECENT_MEETINGS) reasons.push('no_notes');
  if (full && facts.recent.withoutAgenda === RECENT_MEETINGS) reasons.push('no_agenda');
  reasons.push(...checkIn);
  return { health: reasons.length > 0 ? 'needs_attention' : 'on_track', reasons };
}
