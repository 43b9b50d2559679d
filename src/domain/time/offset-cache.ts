import { IANAZone } from 'luxon';

/**
 * Luxon asks `Intl.DateTimeFormat#formatToParts` for a zone's offset on every call, and a planning
 * pass makes thousands of them: it was about half of the pass's CPU in the scheduler bench. An offset
 * changes only at a transition, months apart, so this remembers the offset of each quarter hour of
 * each zone, but only after checking that the quarter hour's first and last millisecond agree: a
 * quarter hour holding a transition (Newfoundland's used to fall at 00:01) is never cached and is
 * computed exactly, each time, as before. Installed once, on import; every luxon zone string goes
 * through IANAZone, so no caller changes.
 */
const QUARTER_HOUR = 15 * 60_000;
/** About 5 MB at most: enough for every zone the bot meets over the months it plans ahead. */
const MAX_ENTRIES = 50_000;

const intlOffset = IANAZone.prototype.offset;
const known = new Map<string, number>();

/** Luxon's own computation, uncached (for tests that compare the two). */
export function uncachedOffset(zone: string, ts: number): number {
  return intlOffset.call(IANAZone.create(zone), ts);
}

function cachedOffset(this: IANAZone, ts: number): number {
  if (!Number.isFinite(ts)) return intlOffset.call(this, ts);
  const start = Math.floor(ts / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${this.name}|${start}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const first = intlOffset.call(this, start);
  if (intlOffset.call(this, start + QUARTER_HOUR - 1) !== first) return intlOffset.call(this, ts);
  if (known.size >= MAX_ENTRIES) known.clear();
  if (!Number.isNaN(first)) known.set(key, first);
  return first;
}

IANAZone.prototype.offset = cachedOffset;
