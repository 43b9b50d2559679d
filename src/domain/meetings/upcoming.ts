import type { Pair } from '../../db/schema';
import type { Executor } from '../../db/types';
import { type ExistingOccurrence, planUpcoming, ruleNextSequence, upcomingValidUntil } from './meeting-rules';
import { insertPlannedMeetings, occurrencesFrom, type PlannedMeeting } from './meetings.repository';

/**
 * Makes sure each active pair has the row of its next occurrence: one read for all the pairs given,
 * the pure planner, one guarded insert. Idempotent and safe to run from several replicas at once.
 * Returns, per active pair, until when that answer holds (see `upcomingValidUntil`).
 */
export async function ensureUpcomingFor(db: Executor, pairs: readonly Pair[], now: Date): Promise<Map<string, Date>> {
  const active = pairs.filter((pair) => pair.status === 'active');
  const starts = active.map((pair) => ({ pair, sequence: ruleNextSequence(pair, now) }));
  const rows = await occurrencesFrom(
    db,
    starts.map(({ pair, sequence }) => ({ pairId: pair.id, sequence })),
  );
  const byPair = new Map<string, ExistingOccurrence[]>();
  for (const row of rows) {
    const list = byPair.get(row.pair_id) ?? [];
    list.push({ sequence: row.sequence, status: row.status, scheduledAt: row.scheduled_at });
    byPair.set(row.pair_id, list);
  }
  const planned: PlannedMeeting[] = [];
  const validUntil = new Map<string, Date>();
  for (const { pair } of starts) {
    const existing = byPair.get(pair.id) ?? [];
    const plan = planUpcoming(pair, existing, now);
    if (plan.kind === 'create') planned.push({ pair, sequence: plan.sequence, at: plan.at });
    validUntil.set(pair.id, upcomingValidUntil(pair, plan, existing, now));
  }
  await insertPlannedMeetings(db, planned);
  return validUntil;
}

/**
 * For read paths (opening a modal): only the pairs whose next meeting row may be missing, by the
 * mark the planning pass keeps (`pairs.upcoming_valid_until`, cleared by any change): usually none,
 * so opening the agenda costs no query for it. Paths that change meetings call `ensureUpcomingFor`.
 */
export async function ensureUpcomingIfUnknown(db: Executor, pairs: readonly Pair[], now: Date): Promise<void> {
  const unknown = pairs.filter((pair) => !pair.upcoming_valid_until || pair.upcoming_valid_until.getTime() <= now.getTime());
  if (unknown.length > 0) await ensureUpcomingFor(db, unknown, now);
}
