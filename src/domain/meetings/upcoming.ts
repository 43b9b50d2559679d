import type { Pair } from '../../db/schema';
import type { Executor } from '../../db/types';
import { type ExistingOccurrence, planUpcoming, ruleNextSequence, type UpcomingPlan, upcomingValidUntil } from './meeting-rules';
import { insertPlannedMeetings, occurrencesFrom, type PlannedMeeting } from './meetings.repository';

interface PairPlan {
  pair: Pair;
  plan: UpcomingPlan;
  existing: ExistingOccurrence[];
}

/** One read for all the active pairs given, then the pure planner: what each pair's next occurrence is. */
async function planEach(db: Executor, pairs: readonly Pair[], now: Date): Promise<PairPlan[]> {
  const active = pairs.filter((pair) => pair.status === 'active');
  const rows = await occurrencesFrom(
    db,
    active.map((pair) => ({ pairId: pair.id, sequence: ruleNextSequence(pair, now) })),
  );
  const byPair = new Map<string, ExistingOccurrence[]>();
  for (const row of rows) {
    const list = byPair.get(row.pair_id) ?? [];
    list.push({ sequence: row.sequence, status: row.status, scheduledAt: row.scheduled_at });
    byPair.set(row.pair_id, list);
  }
  return active.map((pair) => {
    const existing = byPair.get(pair.id) ?? [];
    return { pair, plan: planUpcoming(pair, existing, now), existing };
  });
}

/**
 * Makes sure each active pair has the row of its next occurrence: one read for all the pairs given,
 * the pure planner, one guarded insert. Idempotent and safe to run from several replicas at once.
 * Returns, per active pair, until when that answer holds (see `upcomingValidUntil`).
 */
export async function ensureUpcomingFor(db: Executor, pairs: readonly Pair[], now: Date): Promise<Map<string, Date>> {
  const planned: PlannedMeeting[] = [];
  const validUntil = new Map<string, Date>();
  for (const { pair, plan, existing } of await planEach(db, pairs, now)) {
    if (plan.kind === 'create') planned.push({ pair, sequence: plan.sequence, at: plan.at });
    validUntil.set(pair.id, upcomingValidUntil(pair, plan, existing, now));
  }
  await insertPlannedMeetings(db, planned);
  return validUntil;
}

/**
 * Read-only: when each active pair meets next by its rhythm, as the planning pass will decide, before
 * the pass has created that row. Null when the rhythm plans no meeting before the planned end.
 */
export async function rhythmNextFor(db: Executor, pairs: readonly Pair[], now: Date): Promise<Map<string, Date | null>> {
  const next = new Map<string, Date | null>();
  for (const { pair, plan, existing } of await planEach(db, pairs, now)) {
    const at = plan.kind === 'create' ? plan.at : plan.kind === 'exists' ? existing.find((row) => row.sequence === plan.sequence)?.scheduledAt : undefined;
    next.set(pair.id, at ?? null);
  }
  return next;
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
