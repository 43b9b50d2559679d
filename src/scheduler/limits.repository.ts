import { sql } from 'kysely';
import type { Executor } from '../db/types';

/**
 * Slack's chat.postMessage budget is per workspace, whichever replica sends. One token bucket per
 * workspace lives in the database: a replica takes tokens before it claims rows, so N replicas
 * together stay under the budget, and a 429's Retry-After blocks the workspace for all of them.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface Reservation {
  granted: number;
  /**
   * How long until the next token, counted after this grant (0 if one is left), or until the end of a
   * Retry-After block. A caller that got fewer than it asked for waits this long before asking again.
   */
  waitMs: number;
}

/**
 * Takes up to `want` tokens from the workspace's bucket, refilled for the time since it was last
 * touched. One statement (with the bucket created full the first time): every notice a request sends
 * at once asks the bucket first, and a transaction of reads and writes here cost five statements.
 */
export async function reserveTokens(db: Executor, teamId: string, want: number, limit: RateLimit, now: Date): Promise<Reservation> {
  const taken = await takeTokens(db, teamId, want, limit, now);
  if (taken) return taken;
  await db
    .insertInto('slack_rate_buckets')
    .values({ team_id: teamId, tokens: limit.burst, refilled_at: now, blocked_until: null })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
  const first = await takeTokens(db, teamId, want, limit, now);
  if (!first) throw new Error(`no rate bucket for workspace ${teamId}`);
  return first;
}

/** The reservation from an existing bucket; undefined when the workspace has none yet. */
async function takeTokens(db: Executor, teamId: string, want: number, limit: RateLimit, now: Date): Promise<Reservation | undefined> {
  const at = sql`${now.toISOString()}::timestamptz`;
  // The row lock (FOR UPDATE, in the first step) serialises replicas on this workspace's bucket; the
  // update reads the values the lock returned, the latest committed ones. A blocked bucket (a 429's
  // Retry-After) is left as it is. refilled_at never moves backwards: a replica whose clock lags must
  // not mint tokens twice.
  const { rows } = await sql<{ blocked_ms: number | null; granted: number; left: number }>`
    with bucket as (
      select team_id, refilled_at,
        case when blocked_until > ${at} then extract(epoch from (blocked_until - ${at})) * 1000 end as blocked_ms,
        least(${limit.burst}::float8, tokens + greatest(0, extract(epoch from (${at} - refilled_at))) * ${limit.perSecond}::float8) as available
      from slack_rate_buckets where team_id = ${teamId}
      for update
    ),
    grant_ as (
      select *, case when blocked_ms is null then greatest(0, least(${want}::int, floor(available)::int)) else 0 end as granted from bucket
    ),
    taken as (
      update slack_rate_buckets b
      set tokens = g.available - g.granted, refilled_at = greatest(g.refilled_at, ${at}), blocked_until = null
      from grant_ g
      where b.team_id = g.team_id and g.blocked_ms is null
    )
    select blocked_ms::float8 as blocked_ms, granted, (available - granted)::float8 as left from grant_`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.blocked_ms !== null) return { granted: 0, waitMs: Math.ceil(row.blocked_ms) };
  return { granted: row.granted, waitMs: row.left >= 1 ? 0 : Math.ceil(((1 - row.left) / limit.perSecond) * 1000) };
}

/** Gives back tokens reserved for rows that were not there to claim (another replica took them). */
export async function refundTokens(db: Executor, teamId: string, count: number, limit: RateLimit): Promise<void> {
  if (count <= 0) return;
  await db
    .updateTable('slack_rate_buckets')
    .set((eb) => ({ tokens: eb.fn('least', [eb.val(limit.burst), eb('tokens', '+', count)]) }))
    .where('team_id', '=', teamId)
    .execute();
}

/** Slack said 429: nobody sends to this workspace until `until`. */
export async function blockWorkspace(db: Executor, teamId: string, until: Date): Promise<void> {
  await db
    .updateTable('slack_rate_buckets')
    .set({ tokens: 0, refilled_at: until, blocked_until: until })
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', until)]))
    .execute();
}

export async function blockedUntil(db: Executor, teamId: string): Promise<Date | null> {
  const row = await db.selectFrom('slack_rate_buckets').select('blocked_until').where('team_id', '=', teamId).executeTakeFirst();
  return row?.blocked_until ?? null;
}

/**
 * The per-person daily cap: one conditional upsert, so replicas sending to the same person at once
 * cannot both pass the check. False when the person already had `cap` reminders that local day.
 */
export async function takeDailySlot(db: Executor, key: { teamId: string; userId: string; localDate: string }, cap: number): Promise<boolean> {
  const result = await db
    .insertInto('reminder_daily_counts')
    .values({ team_id: key.teamId, user_id: key.userId, local_date: key.localDate, sent: 1 })
    .onConflict((oc) =>
      oc
        .columns(['team_id', 'user_id', 'local_date'])
        .doUpdateSet((eb) => ({ sent: eb('reminder_daily_counts.sent', '+', 1) }))
        .where('reminder_daily_counts.sent', '<', cap),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A slot taken for a message that was certainly not posted (429, permanent error) is given back. */
export async function returnDailySlot(db: Executor, key: { teamId: string; userId: string; localDate: string }): Promise<void> {
  await db
    .updateTable('reminder_daily_counts')
    .set((eb) => ({ sent: eb('sent', '-', 1) }))
    .where('team_id', '=', key.teamId)
    .where('user_id', '=', key.userId)
    .where('local_date', '=', key.localDate)
    .where('sent', '>', 0)
    .execute();
}

/**
 * Moves every workspace's last refill back to `to` where it is later: for a clock an operator or a
 * test moved back on purpose (the local bot), since a bucket never refills while the clock is behind it.
 */
export async function rewindBuckets(db: Executor, to: Date): Promise<void> {
  await db.updateTable('slack_rate_buckets').set({ refilled_at: to }).where('refilled_at', '>', to).execute();
}
