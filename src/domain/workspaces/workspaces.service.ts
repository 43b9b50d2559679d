import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  findInstallation,
  markTokenRejected,
  type NewInstallation,
  revokeInstallation,
  saveInstallation,
  saveRotatedToken,
  sendableInstalledTeams,
} from './installations.repository';
import { consumeOauthState, saveOauthState } from './oauth-states.repository';
import { cancelUnsentOfTeam, markUninstalled, reviveRemindersOfTeam } from './workspaces.repository';

/**
 * A workspace's life with the app: installed (again), its token rotated or refused, uninstalled. What
 * an uninstall leaves behind is deleted by the scheduler after the retention period (housekeeping).
 */
export class WorkspacesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** "Add to Slack" completed: stored, and if the workspace had uninstalled, its reminders are due again. */
  async installed(installation: NewInstallation): Promise<{ revived: number }> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      await saveInstallation(tx, installation, now);
      return { revived: await reviveRemindersOfTeam(tx, installation.teamId, now) };
    });
  }

  /** Token rotation handed out a new pair; false when the installation was revoked meanwhile. */
  rotated(teamId: string, rotated: { botToken: string; botRefreshToken: string | null; botTokenExpiresAt: Date | null }): Promise<boolean> {
    return saveRotatedToken(this.db, teamId, rotated, this.clock());
  }

  installation(teamId: string) {
    return findInstallation(this.db, teamId);
  }

  /**
   * `app_uninstalled` or `tokens_revoked`: in one transaction, nothing more goes out (every unsent
   * message cancelled), the installation's tokens are dropped, and the retention period starts.
   */
  async uninstalled(teamId: string): Promise<{ cancelled: number }> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const cancelled = await cancelUnsentOfTeam(tx, teamId, now);
      await revokeInstallation(tx, teamId, now);
      await markUninstalled(tx, teamId, now);
      return { cancelled };
    });
  }

  /** Workspaces whose stored token may be used for sends (all, or only `teamId` if it may). */
  sendableTeams(teamId?: string): Promise<string[]> {
    return sendableInstalledTeams(this.db, teamId);
  }

  /** An "Add to Slack" state handed out, to be used once within `ttlSeconds`. */
  issueState(id: string, ttlSeconds: number): Promise<void> {
    return saveOauthState(this.db, id, new Date(this.clock().getTime() + ttlSeconds * 1000));
  }

  /** True only for the first use of a state that has not expired. */
  useState(id: string): Promise<boolean> {
    return consumeOauthState(this.db, id, this.clock());
  }

  /** Slack refused the workspace's stored token on a send (multi-workspace mode). */
  tokenRejected(teamId: string, code: string): Promise<void> {
    return markTokenRejected(this.db, teamId, code, this.clock());
  }
}
