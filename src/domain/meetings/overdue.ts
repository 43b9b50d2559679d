import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { EffectsRecorder } from '../effects/effects';
import { localDateIn } from '../time/zoned';
import { claimOverdueNudges, type OverdueCandidate, overdueCandidates } from './action-items.repository';
import type { ActionItemOverdue } from './events';
import { actionItemView } from './views';

/**
 * One gentle nudge to the owner of an overdue action item (docs/usage.md, "Overdue action items"):
 *
 * - an item with a due date is overdue once that date is over in its owner's zone;
 * - an item without one is overdue once the first meeting after the one it was agreed at (skipped and
 *   cancelled ones do not count) has ended, still open: it was meant to be done by then;
 * - an item typed without a meeting and without a date is never overdue.
 *
 * Only items that became overdue within the last week are nudged (older ones are old news, and a
 * release or a resumed pair does not send a burst), only for active pairs, and only once: the mark
 * `overdue_nudged_at` is set in the transaction that writes the nudge to the outbox, where it is still
 * null, so passes and replicas running at once nudge once.
 */
export const OVERDUE_NUDGE_WINDOW_DAYS = 7;
/** Items nudged per pass at most; the rest wait for the next pass. */
const BATCH = 200;

export type OverdueReason = { kind: 'due'; dueOn: string } | { kind: 'next_meeting'; endedAt: Date };

/** Whether a candidate is overdue at `now`, and why; null when it is not (yet). */
export function overdueReason(candidate: Pick<OverdueCandidate, 'item' | 'ownerZone' | 'nextMeetingEndedAt'>, now: Date): OverdueReason | null {
  const { item } = candidate;
  if (item.done_at) return null;
  if (item.due_on) return localDateIn(now, candidate.ownerZone) > item.due_on ? { kind: 'due', dueOn: item.due_on } : null;
  const ended = candidate.nextMeetingEndedAt;
  return item.meeting_id && ended && ended.getTime() <= now.getTime() ? { kind: 'next_meeting', endedAt: ended } : null;
}

/** The scheduler's pass over overdue action items (run each pass, after the next meetings exist). */
export class OverdueNudges {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly effects: EffectsRecorder,
  ) {}

  async advance(now: Date): Promise<{ nudged: number }> {
    const since = new Date(now.getTime() - OVERDUE_NUDGE_WINDOW_DAYS * 86_400_000);
    const due = (await overdueCandidates(this.db, now, since, BATCH)).flatMap((candidate) => {
      const reason = overdueReason(candidate, now);
      return reason ? [{ candidate, reason }] : [];
    });
    if (due.length === 0) return { nudged: 0 };
    return this.db.transaction().execute(async (tx) => {
      const claimed = new Set(
        (
          await claimOverdueNudges(
            tx,
            due.map(({ candidate }) => candidate.item.id),
            now,
          )
        ).map((item) => item.id),
      );
      const byTeam = new Map<string, ActionItemOverdue[]>();
      for (const { candidate, reason } of due) {
        if (!claimed.has(candidate.item.id)) continue;
        const { item } = candidate;
        const otherId = item.owner_id === candidate.mentorId ? candidate.menteeId : candidate.mentorId;
        const event: ActionItemOverdue = {
          type: 'action_item_overdue',
          pairId: item.pair_id,
          item: actionItemView(item),
          ownerZone: candidate.ownerZone,
          otherId,
          reason,
        };
        byTeam.set(item.team_id, [...(byTeam.get(item.team_id) ?? []), event]);
      }
      for (const [teamId, events] of byTeam) await this.effects.record(tx, teamId, events);
      return { nudged: claimed.size };
    });
  }
}
