import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type DeliveryDeps, type DeliveryResult, deliver } from './deliver';
import { blockedUntil, blockWorkspace, type RateLimit, refundTokens, reserveTokens } from './limits.repository';
import { anythingDue, type ClaimedReminder, claimDue, dueTeams, release } from './outbox.repository';
import type { TeamSlack } from './team-slack';

export interface DispatchSettings {
  /** Names this process in claimed_by and the logs. */
  replica: string;
  leaseMs: number;
  /** Rows one workspace may claim per round: a round serves every due workspace once. */
  batchSize: number;
  rate: RateLimit;
  /** A pass stops claiming after this long (the next tick carries on). */
  budgetMs: number;
  /** Workspaces served side by side. */
  concurrency: number;
}

/** Shutdown asks a pass to stop: it finishes the row being sent and hands back the rest of its claim. */
export interface StopSignal {
  readonly stopped: boolean;
}

/** `errors`: deliveries that threw (a database error): the row is left to its lease, and reconciled after it. */
export type DispatchStats = Record<DeliveryResult, number> & { claimed: number; rounds: number; errors: number };

/** What a pass sends with: the delivery's dependencies, with Slack per workspace. */
export type DispatchDeps = Omit<DeliveryDeps, 'slack' | 'onTokenRejected'> & { slack: TeamSlack };

/** The delivery dependencies of one workspace: its own Slack, and a refused token sets it aside. */
export function deliveryFor(deps: DispatchDeps, slack: DeliveryDeps['slack']): DeliveryDeps {
  return { ...deps, slack, onTokenRejected: (teamId, code) => deps.slack.setAside(teamId, code) };
}

/** Outcomes that made a chat.postMessage call, and so used a token of the workspace's budget. */
const POSTED = new Set<DeliveryResult>(['sent', 'failed', 'unknown', 'rate_limited']);

const emptyStats = (): DispatchStats => ({
  claimed: 0,
  rounds: 0,
  errors: 0,
  sent: 0,
  reconciled: 0,
  failed: 0,
  unknown: 0,
  cancelled: 0,
  deferred: 0,
  rate_limited: 0,
  dry_run: 0,
  fenced: 0,
  waiting: 0,
  set_aside: 0,
});

/**
 * Sends what is due, fairly and within Slack's budget. Each round lists the workspaces with due rows
 * (oldest first) among those this process holds a working token for, and serves each once: take
 * tokens from its shared bucket, claim that many rows, send them with the workspace's own token. A
 * workspace with a backlog of thousands gets one batch per round like any other, so it cannot starve
 * the rest; when no workspace has a token the pass waits for the earliest one, up to its budget. A
 * workspace whose token Slack refuses is set aside: its rows go back unsent and are not claimed again.
 */
export async function dispatchDue(
  db: Kysely<Database>,
  deps: DispatchDeps,
  clock: () => Date,
  settings: DispatchSettings,
  stop: StopSignal = { stopped: false },
): Promise<DispatchStats> {
  const stats = emptyStats();
  const started = Date.now();
  const skipped = new Set<string>();
  const serveTeam = async (teamId: string): Promise<{ granted: number; waitMs: number }> => {
    const slack = await deps.slack.forTeam(teamId);
    if (!slack) {
      // No working token (an installation gone meanwhile): its rows stay as they are, for a later pass.
      skipped.add(teamId);
      return { granted: 0, waitMs: Number.POSITIVE_INFINITY };
    }
    const now = clock();
    const reservation = await reserveTokens(db, teamId, settings.batchSize, settings.rate, now);
    if (reservation.granted === 0) return reservation;
    const rows = await claimDue(db, { teamId, limit: reservation.granted, now, leaseMs: settings.leaseMs, replica: settings.replica });
    await refundTokens(db, teamId, reservation.granted - rows.length, settings.rate);
    stats.claimed += rows.length;
    const outcomes: Partial<Record<DeliveryResult | 'errors', number>> = {};
    await sendRows(deliveryFor(deps, slack), rows, clock, settings.rate, stop, outcomes);
    for (const [result, count] of Object.entries(outcomes) as Array<[keyof DispatchStats, number]>) stats[result] += count;
    if (outcomes.set_aside) skipped.add(teamId);
    return { granted: rows.length, waitMs: 0 };
  };

  while (!stop.stopped && Date.now() - started < settings.budgetMs) {
    const now = clock();
    const served = await deps.slack.teams();
    const due = (await anythingDue(db, now)) ? await dueTeams(db, now, served) : [];
    const teams = due.filter((teamId) => !skipped.has(teamId));
    if (teams.length === 0) break;
    stats.rounds += 1;
    const results = await mapLimit(teams, settings.concurrency, serveTeam);
    if (results.some((result) => result.granted > 0)) continue;
    // Every due workspace is out of tokens (or blocked by a Retry-After): wait for the first token.
    const waitMs = Math.min(...results.map((result) => result.waitMs));
    if (Date.now() - started + waitMs >= settings.budgetMs) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(10, waitMs))));
    // A clock that does not move (a test clock, `tick --now` is anchored and moves) would wait forever.
    if (clock().getTime() === now.getTime()) break;
  }
  return stats;
}

/**
 * Sends rows just claimed for one workspace, one at a time (Slack's per-channel and per-workspace
 * limits are about pace). After a 429 (Retry-After is for the whole workspace) or on shutdown, the
 * rest of the claim is handed back unsent; rows that went nowhere give their token back.
 */
export async function sendRows(
  deps: DeliveryDeps,
  rows: readonly ClaimedReminder[],
  clock: () => Date,
  rate: RateLimit,
  stop: StopSignal,
  stats: Partial<Record<DeliveryResult | 'errors', number>> = {},
): Promise<void> {
  const { db } = deps;
  // After a 429 the rest waits for the Retry-After; after a refused token, for a working token.
  let hold: { until: Date; note: string; refund: boolean } | null = null;
  let unused = 0;
  for (const row of rows) {
    if (stop.stopped || hold) {
      await release(db, {
        id: row.id,
        attempt: row.attempt,
        now: clock(),
        state: row.prior_state === 'pending' ? 'pending' : 'unknown',
        retryAt: hold?.until ?? clock(),
        note: hold?.note ?? 'released_on_shutdown',
      });
      unused += !hold || hold.refund ? 1 : 0;
      continue;
    }
    let result: DeliveryResult;
    try {
      result = await deliver(deps, row, clock);
    } catch (error) {
      // Whether it posted is unknown: the row keeps its lease and is reconciled once it runs out.
      deps.logger.error({ err: error, outboxId: row.id, attempt: row.attempt, teamId: row.team_id }, 'delivery failed; the row is left to its lease');
      stats.errors = (stats.errors ?? 0) + 1;
      continue;
    }
    stats[result] = (stats[result] ?? 0) + 1;
    deps.observer?.delivered(row.kind, result);
    if (result === 'rate_limited') hold = { until: (await blockedUntil(db, row.team_id)) ?? clock(), note: 'ratelimited', refund: false };
    else if (result === 'set_aside') hold = { until: clock(), note: 'token_rejected', refund: true };
    if (!POSTED.has(result)) unused += 1;
  }
  await refundTokens(db, rows[0]?.team_id ?? '', unused, rate);
}

/**
 * Runs `fn` over `items` with at most `limit` in flight. When one throws, the others are still
 * awaited before the error is passed on: a pass must not end (and shutdown close the database) while
 * sends it started are running.
 */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}

/** What the delivery step calls on a 429: the whole workspace waits, on every replica. */
export const blockOn429 = (db: Kysely<Database>) => (teamId: string, until: Date) => blockWorkspace(db, teamId, until);
