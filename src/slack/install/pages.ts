import type { ServerResponse } from 'node:http';
import { ErrorCode } from '@slack/oauth';
import { INSTALL_PATH } from './scopes';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** GET /slack/install: one "Add to Slack" button leading to Slack's consent screen. */
export function installPage(url: string): string {
  return page(
    'Add Mentorship to Slack',
    `<p>Goals, agendas, notes, feedback and gentle reminders for mentorship pairs, inside your workspace.</p>
<p><a href="${escapeHtml(url)}"><img alt="Add to Slack" height="40" width="139" src="https://platform.slack-edge.com/img/add_to_slack.png"></a></p>`,
  );
}

/** What a failed callback tells the person installing, by what went wrong; nothing was stored. */
export interface FailurePage {
  status: number;
  title: string;
  advice: string;
}

const START_AGAIN = `<a href="${INSTALL_PATH}">Start again from the install page</a>.`;

export function failurePage(error: { code?: string; data?: { error?: unknown } }): FailurePage {
  switch (error.code) {
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
      return {
        status: 400,
        title: 'This install link cannot be used',
        advice: `It has expired, was already used, or did not come from this app's install page (links work once, within ten minutes, in the browser that opened them). ${START_AGAIN}`,
      };
    case ErrorCode.MissingCodeError:
      return { status: 400, title: 'Slack did not send an authorization code', advice: START_AGAIN };
    case ErrorCode.AuthorizationError:
      return { status: 400, title: 'Installation cancelled', advice: `Nothing was installed. ${START_AGAIN}` };
    case 'slack_webapi_platform_error': {
      const code = typeof error.data?.error === 'string' ? error.data.error : 'unknown_error';
      return {
        status: 502,
        title: 'Slack did not accept the installation',
        advice: `Slack answered <code>${escapeHtml(code)}</code>. Nothing was installed. Check that SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are this app's, and that the redirect URL in the app's settings is this server's /slack/oauth_redirect, then ${START_AGAIN.toLowerCase()}`,
      };
    }
    default:
      return { status: 500, title: 'The installation could not be completed', advice: `Nothing was installed; please try again in a moment. ${START_AGAIN}` };
  }
}

export function sendFailurePage(res: ServerResponse, error: { code?: string; data?: { error?: unknown } }): void {
  const failure = failurePage(error);
  res.writeHead(failure.status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(failure.title, `<p>${failure.advice}</p>`));
}

export function sendSuccessPage(res: ServerResponse, teamId: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page('Mentorship is installed', `<p>Workspace ${escapeHtml(teamId)} is set. Open Slack and type <code>/mentorship help</code> to start.</p>`));
}
