/**
 * Counting a chaos run from the stand-in's ledger (what people would have seen) and the outbox (what
 * the bot believes). Pure, so the counting itself is unit-tested.
 */
export interface LedgerPost {
  reminderId: string;
  attempt: number | null;
  channel: string;
  ts: string;
}

export interface OutboxFinal {
  id: string;
  state: string;
  lastError: string | null;
  /** Was it due before the end of the run (so it should have been settled by the end of the drain)? */
  dueInRun: boolean;
}

export interface Tally {
  reminders: number;
  due: number;
  delivered: number;
  /** Messages beyond the first for the same reminder. */
  duplicates: number;
  duplicatedReminders: string[];
  /** Due in the run, yet neither delivered nor permanently failed (nor cancelled) by the end. */
  losses: number;
  lostReminders: string[];
  /** Rows the bot marked sent with no message in any DM. */
  sentButMissing: number;
  permanentFailures: Record<string, number>;
  /** Rows marked failed although a message did arrive. */
  failedButDelivered: number;
}

const FINAL = new Set(['sent', 'failed', 'cancelled']);

export function tally(rows: readonly OutboxFinal[], posts: readonly LedgerPost[]): Tally {
  const postsPer = new Map<string, number>();
  for (const post of posts) postsPer.set(post.reminderId, (postsPer.get(post.reminderId) ?? 0) + 1);
  const duplicatedReminders = [...postsPer]
    .filter(([, n]) => n > 1)
    .map(([id]) => id)
    .sort();
  const duplicates = [...postsPer.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const lostReminders: string[] = [];
  const permanentFailures: Record<string, number> = {};
  let sentButMissing = 0;
  let failedButDelivered = 0;
  for (const row of rows) {
    const seen = postsPer.get(row.id) ?? 0;
    if (row.state === 'sent' && seen === 0) {
      sentButMissing += 1;
      lostReminders.push(row.id);
    } else if (row.dueInRun && !FINAL.has(row.state) && seen === 0) {
      lostReminders.push(row.id);
    }
    if (row.state === 'failed') {
      const code = row.lastError ?? 'unknown';
      permanentFailures[code] = (permanentFailures[code] ?? 0) + 1;
      if (seen > 0) failedButDelivered += 1;
    }
  }
  return {
    reminders: rows.length,
    due: rows.filter((row) => row.dueInRun).length,
    delivered: rows.filter((row) => (postsPer.get(row.id) ?? 0) > 0).length,
    duplicates,
    duplicatedReminders,
    losses: lostReminders.length,
    lostReminders: lostReminders.sort(),
    sentButMissing,
    permanentFailures,
    failedButDelivered,
  };
}

/** A small deterministic generator (mulberry32): the same seed gives the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 0-99 bucket for a string (which recipients refuse every DM). */
export function bucketOf(value: string): number {
  let hash = 2166136261;
  for (let i = 0; i < value.length; i += 1) hash = Math.imul(hash ^ value.charCodeAt(i), 16777619);
  return (hash >>> 0) % 100;
}
