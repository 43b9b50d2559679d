import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { eraseNextLapsedAccount } from '../domain/personal-data/lapsed-accounts';
import { purgeExpiredOauthStates } from '../domain/workspaces/oauth-states.repository';
import { purgeFinalOutbox, purgeProcessedEvents } from '../domain/workspaces/retention.repository';
import { deleteTeamBatch, teamsUninstalledBefore } from '../domain/workspaces/workspaces.repository';
import type { StopSignal } from './dispatcher';

export interface HousekeepingSettings {
  /**
   * UNINSTALL_RETENTION_DAYS: a workspace's data is deleted this long after it uninstalled the app, and a
   * person's data this long after Slack deactivated or deleted their account (0: at the next pass).
   */
  uninstallRetentionDays: number;
  /** Sent and failed outbox rows, and processed event ids, are kept this long. */
  historyRetentionDays: number;
  /** Rows per delete: each batch is one short statement, so no lock is held for long. */
  purgeBatch: number;
  /** A pass stops purging after this long; the next pass carries on. */
  housekeepingBudgetMs: number;
}

export interface HousekeepingReport {
  outbox: number;
  events: number;
  states: number;
  /** Rows of uninstalled workspaces deleted (in how many batches), and the workspaces gone entirely. */
  workspaceRows: number;
  workspaceBatches: number;
  workspacesDeleted: number;
  /** People whose account was deactivated for the retention period, erased as `/mentorship mydata` delete would. */
  accountsErased: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a pass does once its sending is over (never while it sends): forget history past the retention
 * period, delete the data of workspaces whose retention period after an uninstall has run out, in
 * small batches, and erase the people whose account has been deactivated for as long, within a time budget. Every delete skips rows another transaction holds, so a
 * pass sending on another replica never waits for it, nor it for that pass.
 */
export async function housekeep(db: Kysely<Database>, now: Date, settings: HousekeepingSettings, stop: StopSignal): Promise<HousekeepingReport> {
  const report: HousekeepingReport = { outbox: 0, events: 0, states: 0, workspaceRows: 0, workspaceBatches: 0, workspacesDeleted: 0, accountsErased: 0 };
  const started = Date.now();
  const inBudget = () => !stop.stopped && Date.now() - started < settings.housekeepingBudgetMs;
  const drain = async (batch: () => Promise<number>): Promise<number> => {
    let total = 0;
    while (inBudget()) {
      const deleted = await batch();
      total += deleted;
      if (deleted < settings.purgeBatch) break;
    }
    return total;
  };
  const historyBefore = new Date(now.getTime() - settings.historyRetentionDays * DAY_MS);
  report.outbox = await drain(() => purgeFinalOutbox(db, historyBefore, settings.purgeBatch));
  report.events = await drain(() => purgeProcessedEvents(db, settings.historyRetentionDays, settings.purgeBatch));
  report.states = await drain(() => purgeExpiredOauthStates(db, now, settings.purgeBatch));

  const uninstalledBefore = new Date(now.getTime() - settings.uninstallRetentionDays * DAY_MS);
  for (const teamId of await teamsUninstalledBefore(db, uninstalledBefore, 10)) {
    while (inBudget()) {
      const batch = await deleteTeamBatch(db, teamId, uninstalledBefore, settings.purgeBatch);
      report.workspaceRows += batch.deleted;
      report.workspaceBatches += 1;
      if (batch.done) {
        if (batch.deleted > 0) report.workspacesDeleted += 1;
        break;
      }
    }
  }

  // The same period for a deactivated account: one person per transaction, until none is due or the budget is spent.
  while (inBudget() && (await eraseNextLapsedAccount(db, uninstalledBefore, now))) report.accountsErased += 1;
  return report;
}
