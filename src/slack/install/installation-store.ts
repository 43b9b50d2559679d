import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { WorkspacesService } from '../../domain/workspaces/workspaces.service';

/**
 * Marks an installation this store handed out: when @slack/oauth stores it back, it is the same
 * installation with a rotated token pair, not a new install (which would clear an uninstall).
 */
const FETCHED = 'mentorship:stored';

const toDate = (expiresAt: number | undefined) => (expiresAt === undefined ? null : new Date(expiresAt * 1000));

/**
 * Bolt's InstallationStore over the database (multi-workspace mode). One installation per workspace;
 * org-wide (Enterprise Grid) installs are refused, as the manifest does not enable them. Bolt calls
 * fetchInstallation for every request (a primary-key read) and, when the token is within two hours of
 * its expiry, refreshes it and stores the new pair through storeInstallation.
 */
export function databaseInstallationStore(workspaces: WorkspacesService): InstallationStore {
  return {
    async storeInstallation(installation) {
      const teamId = installation.team?.id;
      if (installation.isEnterpriseInstall || !teamId) throw new Error('org-wide installs are not supported: install the app in a workspace');
      const bot = installation.bot;
      if (!bot) throw new Error('the installation has no bot token: the bot scopes were not granted');
      const tokens = { botToken: bot.token, botRefreshToken: bot.refreshToken ?? null, botTokenExpiresAt: toDate(bot.expiresAt) };
      if (installation.metadata === FETCHED) {
        await workspaces.rotated(teamId, tokens);
        return;
      }
      await workspaces.installed({
        teamId,
        teamName: installation.team?.name ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        appId: installation.appId ?? null,
        botId: bot.id ?? null,
        botUserId: bot.userId,
        botScopes: bot.scopes,
        installerUserId: installation.user.id ?? null,
        ...tokens,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v2', false>> {
      const row = query.teamId ? await workspaces.installation(query.teamId) : undefined;
      if (!row) throw new Error('the app is not installed in this workspace');
      return {
        team: { id: row.team_id },
        enterprise: row.enterprise_id ? { id: row.enterprise_id } : undefined,
        user: { id: row.installer_user_id ?? '', token: undefined, scopes: undefined },
        bot: {
          token: row.bot_token,
          refreshToken: row.bot_refresh_token ?? undefined,
          expiresAt: row.bot_token_expires_at ? Math.floor(row.bot_token_expires_at.getTime() / 1000) : undefined,
          scopes: row.bot_scopes.split(',').filter(Boolean),
          id: row.bot_id ?? '',
          userId: row.bot_user_id,
        },
        appId: row.app_id ?? undefined,
        tokenType: 'bot',
        isEnterpriseInstall: false,
        authVersion: 'v2',
        metadata: FETCHED,
      };
    },
    async deleteInstallation(query) {
      if (query.teamId) await workspaces.uninstalled(query.teamId);
    },
  };
}
