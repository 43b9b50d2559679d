/**
 * The stand-in's credentials: bot tokens per workspace, "Add to Slack" (authorization codes exchanged
 * through oauth.v2.access) and token rotation (expiring tokens and single-use refresh tokens), the way
 * Slack documents them. Tokens that stop working answer Slack's errors: a revoked one `token_revoked`,
 * an expired one `token_expired`, an unknown one `invalid_auth`.
 */
import { randomBytes } from 'node:crypto';
import type { ApiResult, Json } from './types';
import { apiError } from './types';
import { APP_ID, BOT_ID, BOT_USER_ID } from './workspace';

interface TokenInfo {
  teamId: string;
  /** Epoch ms; undefined: never expires (rotation off). */
  expiresAt?: number;
  revoked?: boolean;
}

/** What the next install of a workspace grants; `expiresInSeconds` turns token rotation on. */
export interface InstallGrant {
  teamId: string;
  teamName?: string;
  installerUserId: string;
  scopes: readonly string[];
  expiresInSeconds?: number;
}

export class Tokens {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly codes = new Map<string, InstallGrant>();
  private readonly refreshTokens = new Map<string, InstallGrant>();
  private app: { clientId: string; clientSecret: string } | undefined;

  constructor(private readonly now: () => number) {}

  addBotToken(token: string, teamId: string): void {
    this.tokens.set(token, { teamId });
  }

  /** Registers the app's OAuth credentials; oauth.v2.access refuses anything else (invalid_client_id, bad_client_secret). */
  enableOAuth(clientId: string, clientSecret: string): void {
    this.app = { clientId, clientSecret };
  }

  /** What Slack puts in the redirect after the person consents: a code, valid once. */
  issueCode(grant: InstallGrant): string {
    const code = `code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, grant);
    return code;
  }

  /** Uninstall: every token of the workspace stops working at once. */
  revokeTeam(teamId: string): void {
    for (const info of this.tokens.values()) if (info.teamId === teamId) info.revoked = true;
    for (const [refresh, grant] of this.refreshTokens) if (grant.teamId === teamId) this.refreshTokens.delete(refresh);
  }

  /** Tokens issued for the workspace, newest last (tests read the current one). */
  tokensOf(teamId: string): string[] {
    return [...this.tokens].filter(([, info]) => info.teamId === teamId && !info.revoked).map(([token]) => token);
  }

  /** The workspace of a working token, or the error Slack answers with. */
  check(token: string): { ok: true; teamId: string } | { ok: false; error: string } {
    const info = this.tokens.get(token);
    if (!info) return { ok: false, error: 'invalid_auth' };
    if (info.revoked) return { ok: false, error: 'token_revoked' };
    if (info.expiresAt !== undefined && this.now() >= info.expiresAt) return { ok: false, error: 'token_expired' };
    return { ok: true, teamId: info.teamId };
  }

  /** oauth.v2.access: an authorization code, or (token rotation) a refresh token, for a new bot token. */
  oauthAccess(args: Json): ApiResult {
    if (!this.app || args.client_id !== this.app.clientId) return apiError('invalid_client_id');
    if (args.client_secret !== this.app.clientSecret) return apiError('bad_client_secret');
    if (args.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(String(args.refresh_token ?? ''));
      if (!grant) return apiError('invalid_refresh_token');
      // Single use: the refresh token is spent, a new one comes with the new access token.
      this.refreshTokens.delete(String(args.refresh_token));
      const issued = this.issue(grant);
      return { ok: true, token_type: 'bot', access_token: issued.token, refresh_token: issued.refresh, expires_in: grant.expiresInSeconds };
    }
    const code = String(args.code ?? '');
    const grant = this.codes.get(code);
    if (!grant) return apiError('invalid_code');
    this.codes.delete(code);
    const issued = this.issue(grant);
    return {
      ok: true,
      app_id: APP_ID,
      authed_user: { id: grant.installerUserId },
      scope: grant.scopes.join(','),
      token_type: 'bot',
      access_token: issued.token,
      bot_user_id: BOT_USER_ID,
      team: { id: grant.teamId, name: grant.teamName ?? grant.teamId },
      enterprise: null,
      is_enterprise_install: false,
      ...(issued.refresh ? { refresh_token: issued.refresh, expires_in: grant.expiresInSeconds } : {}),
    };
  }

  /** auth.test for a working token: its own workspace. */
  authTest(token: string): ApiResult {
    const checked = this.check(token);
    if (!checked.ok) return apiError(checked.error);
    return {
      ok: true,
      url: 'https://mentorship-dev.slack.com/',
      team: checked.teamId,
      user: 'mentorbot',
      team_id: checked.teamId,
      user_id: BOT_USER_ID,
      bot_id: BOT_ID,
    };
  }

  private issue(grant: InstallGrant): { token: string; refresh?: string } {
    const rotating = grant.expiresInSeconds !== undefined;
    const token = `${rotating ? 'xoxe.xoxb' : 'xoxb'}-${grant.teamId}-${randomBytes(6).toString('hex')}`;
    this.tokens.set(token, { teamId: grant.teamId, expiresAt: rotating ? this.now() + grant.expiresInSeconds! * 1000 : undefined });
    if (!rotating) return { token };
    const refresh = `xoxe-1-${randomBytes(8).toString('hex')}`;
    this.refreshTokens.set(refresh, grant);
    return { token, refresh };
  }
}
