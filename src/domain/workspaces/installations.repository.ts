import type { InstallationRow } from '../../db/schema';
import type { Executor } from '../../db/types';

/** An installation as the OAuth flow hands it over (multi-workspace mode). Tokens are credentials: never logged. */
export interface NewInstallation {
  teamId: string;
  teamName: string | null;
  enterpriseId: string | null;
  appId: string | null;
  botToken: string;
  botId: string | null;
  botUserId: string;
  botScopes: readonly string[];
  botRefreshToken: string | null;
  botTokenExpiresAt: Date | null;
  installerUserId: string | null;
}

/**
 * Stores an "Add to Slack" installation, in the caller's transaction. Installing again (after an
 * uninstall, within the retention period) replaces the tokens and clears both the revocation and a
 * rejected token: the workspace's data, never deleted, is served again.
 */
export async function saveInstallation(db: Executor, installation: NewInstallation, now: Date): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({ team_id: installation.teamId, name: installation.teamName })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ uninstalled_at: null, name: installation.teamName }))
    .execute();
  const row = {
    enterprise_id: installation.enterpriseId,
    app_id: installation.appId,
    bot_token: installation.botToken,
    bot_id: installation.botId,
    bot_user_id: installation.botUserId,
    bot_scopes: installation.botScopes.join(','),
    bot_refresh_token: installation.botRefreshToken,
    bot_token_expires_at: installation.botTokenExpiresAt,
    installer_user_id: installation.installerUserId,
    updated_at: now,
    revoked_at: null,
    token_rejected_at: null,
    token_error: null,
  };
  await db
    .insertInto('installations')
    .values({ team_id: installation.teamId, ...row, installed_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ ...row, installed_at: now }))
    .execute();
}

/**
 * A rotated token pair (token rotation): only for an installation still in place, so a refresh that
 * races an uninstall cannot bring the installation back.
 */
export async function saveRotatedToken(
  db: Executor,
  teamId: string,
  rotated: { botToken: string; botRefreshToken: string | null; botTokenExpiresAt: Date | null },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('installations')
    .set({ bot_token: rotated.botToken, bot_refresh_token: rotated.botRefreshToken, bot_token_expires_at: rotated.botTokenExpiresAt, updated_at: now })
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The workspace's installation, unless it was revoked (uninstalled). */
export async function findInstallation(db: Executor, teamId: string): Promise<InstallationRow | undefined> {
  return db.selectFrom('installations').selectAll().where('team_id', '=', teamId).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Slack told us the app was uninstalled or its tokens revoked: the tokens are kept no longer. */
export async function revokeInstallation(db: Executor, teamId: string, now: Date): Promise<void> {
  await db
    .updateTable('installations')
    .set({ revoked_at: now, bot_token: '', bot_refresh_token: null, bot_token_expires_at: null, updated_at: now })
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Slack refused the token on a send: no send is tried for the workspace until it is installed again. */
export async function markTokenRejected(db: Executor, teamId: string, code: string, now: Date): Promise<void> {
  await db
    .updateTable('installations')
    .set({ token_rejected_at: now, token_error: code, updated_at: now })
    .where('team_id', '=', teamId)
    .where('token_rejected_at', 'is', null)
    .execute();
}

/** Workspaces whose token may be used for sends (all of them, or only `teamId`): installed, not revoked, not refused by Slack, not uninstalled. */
export async function sendableInstalledTeams(db: Executor, teamId?: string): Promise<string[]> {
  let query = db
    .selectFrom('installations as i')
    .innerJoin('workspaces as w', 'w.team_id', 'i.team_id')
    .select('i.team_id')
    .where('i.revoked_at', 'is', null)
    .where('i.token_rejected_at', 'is', null)
    .where('w.uninstalled_at', 'is', null);
  if (teamId !== undefined) query = query.where('i.team_id', '=', teamId);
  const rows = await query.orderBy('i.team_id').execute();
  return rows.map((row) => row.team_id);
}
