import { sql } from 'kysely';
import type { OutboxRow } from '../db/schema';
import type { Executor } from '../db/types';
import { fallbackKey, followUpKey, NOTICE_KIND } from '../domain/notices/notice';
import { type ClaimedReminder, claimRows } from './outbox.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which of these notices are due now and untouched (pending), by workspace: what `sendNow` may take.
 * A row due later (the end of the reader's quiet hours), already claimed, or sent is the passes' business.
 */
export async function dueNoticesByTeam(db: Executor, ids: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  const byTeam = new Map<string, string[]>();
  if (wanted.length === 0) return byTeam;
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'team_id'])
    .where('id', 'in', wanted)
    .where('kind', '=', NOTICE_KIND)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .execute();
  for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), row.id]);
  return byTeam;
}

/**
 * Claims these notices of one workspace, the same way a pass claims (attempt n+1, a lease), if they
 * are still pending and due: a pass or another replica that got there first keeps them (SKIP LOCKED,
 * and the state check after the lock).
 */
export async function claimNotices(
  db: Executor,
  options: { teamId: string; ids: readonly string[]; limit: number; now: Date; leaseMs: number; replica: string },
): Promise<ClaimedReminder[]> {
  if (options.ids.length === 0 || options.limit <= 0) return [];
  const due = sql`select id, state as prior_state
      from outbox
      where id in (${sql.join(options.ids.map((id) => sql`${id}::uuid`))})
        and team_id = ${options.teamId}
        and kind = ${NOTICE_KIND}
        and state = 'pending'
        and next_attempt_at <= ${options.now}
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked`;
  const { rows } = await claimRows(due, options).execute(db);
  return rows;
}

/**
 * The pending follow-ups the hooks of these sent notices wrote (see NoticePosted): one query, and
 * only for rows that had a hook, which few notices do.
 */
export async function pendingFollowUpsOf(db: Executor, rows: readonly Pick<OutboxRow, 'kind' | 'payload' | 'dedupe_key'>[]): Promise<string[]> {
  const hooked = rows.filter((row) => row.kind === NOTICE_KIND && row.payload.onPosted !== undefined);
  return pendingWithKeys(
    db,
    hooked.map((row) => followUpKey(row.dedupe_key)),
  );
}

/** The pending fallbacks these notices left when Slack refused them (see NoticeFallback). */
export async function pendingFallbacksOf(db: Executor, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length === 0) return [];
  const refused = await db.selectFrom('outbox').select('dedupe_key').where('id', 'in', wanted).where('state', '=', 'failed').execute();
  return pendingWithKeys(
    db,
    refused.map((row) => fallbackKey(row.dedupe_key)),
  );
}

async function pendingWithKeys(db: Executor, dedupeKeys: readonly string[]): Promise<string[]> {
  if (dedupeKeys.length === 0) return [];
  const rows = await db.selectFrom('outbox').select('id').where('dedupe_key', 'in', dedupeKeys).where('state', '=', 'pending').execute();
  return rows.map((row) => row.id);
}
