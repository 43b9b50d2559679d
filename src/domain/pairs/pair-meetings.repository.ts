import { DateTime } from 'luxon';
import type { Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { occurrenceAt } from '../meetings/cadence';
import { ruleOf } from '../meetings/meeting-rules';
import { localToInstant } from '../time/zoned';

/** What a change of the pair's set-up does to its meeting rows. */

/**
 * The meeting zone changed: meetings not yet started keep their wall time, now in the new zone.
 * A meeting moved by hand (rescheduled) keeps the instant it was moved to.
 */
export async function reanchorUpcoming(tx: Tx, pair: Pair, now: Date): Promise<void> {
  const rows = await tx
    .selectFrom('meetings')
    .select(['id', 'sequence'])
    .where('pair_id', '=', pair.id)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', now)
    .where('rescheduled_from', 'is', null)
    .execute();
  const rule = ruleOf(pair);
  for (const row of rows) {
    await tx
      .updateTable('meetings')
      .set({ scheduled_at: occurrenceAt(rule, row.sequence - pair.anchor_sequence) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Ids of meetings not yet started that fall after the pair's planned end (in its zone). */
export async function futureMeetingsAfterDate(tx: Tx, pair: Pair, now: Date): Promise<string[]> {
  const dayAfter = DateTime.fromISO(pair.planned_end_on, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? pair.planned_end_on;
  const rows = await tx
    .selectFrom('meetings')
    .select('id')
    .where('pair_id', '=', pair.id)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', now)
    .where('scheduled_at', '>=', localToInstant(dayAfter, '00:00', pair.time_zone))
    .execute();
  return rows.map((row) => row.id);
}
