import { SlackDriver } from '../../src/devtools/slack-driver';
import type { InstallGrant } from '../../src/devtools/slack-stand-in/tokens';
import { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from '../../src/slack/install/scopes';
import { type Harness, SIGNING_SECRET, USERS } from './harness';

export interface InstallPage {
  status: number;
  html: string;
  /** The state in the "Add to Slack" link, and the cookie the page set with it. */
  state: string | null;
  cookie: string | null;
  authorizeUrl: URL | null;
}

/** GET /slack/install as a browser: the page, the state in its "Add to Slack" link, the state cookie. */
export async function openInstallPage(h: Harness): Promise<InstallPage> {
  const res = await fetch(`${h.bot.baseUrl}${INSTALL_PATH}`);
  const html = await res.text();
  const href = /href="([^"]*slack\.com\/oauth\/v2\/authorize[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const authorizeUrl = href ? new URL(href) : null;
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: res.status, html, state: authorizeUrl?.searchParams.get('state') ?? null, cookie, authorizeUrl };
}

/** Slack redirecting the browser back to the app: GET /slack/oauth_redirect with these query parameters and cookie. */
export async function oauthRedirect(h: Harness, query: Record<string, string>, cookie: string | null): Promise<{ status: number; html: string }> {
  const res = await fetch(`${h.bot.baseUrl}${REDIRECT_PATH}?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
}

/**
 * The whole "Add to Slack" flow for a workspace, as a person installing it goes through it: the
 * install page, consent on Slack (the stand-in issues the code), the redirect back.
 */
export async function installWorkspace(h: Harness, grant: Partial<InstallGrant> & { teamId: string }): Promise<{ status: number; html: string }> {
  const page = await openInstallPage(h);
  const code = h.standIn.issueOAuthCode({ installerUserId: USERS.mentor.id, scopes: BOT_SCOPES, ...grant });
  return oauthRedirect(h, { code, state: page.state ?? '' }, page.cookie);
}

/** A driver for another workspace on the same app and stand-in (users are shared; their ids must not collide). */
export function driverFor(h: Harness, teamId: string): SlackDriver {
  return new SlackDriver({ appUrl: h.bot.eventsUrl, signingSecret: SIGNING_SECRET, standIn: h.standIn, teamId });
}
