/**
 * Requests Slack's client would never produce, signed as Slack signs them: view submissions with
 * arbitrary `state.values`, and byte-for-byte replays of a request the driver sent (what someone who
 * captured a request on the wire could send again within the five-minute window).
 */
import type { AppResponse, SlackDriver } from '../../src/devtools/slack-driver';
import type { Json, StoredView } from '../../src/devtools/slack-stand-in';
import type { Harness } from './harness';

const FORM = 'application/x-www-form-urlencoded';

/** A view_submission for `view` with exactly these `state.values` (and optionally forged metadata). */
export function sendViewSubmission(
  h: Harness,
  userId: string,
  view: StoredView,
  values: Json,
  privateMetadata?: string,
  via: { driver: SlackDriver; teamId: string } = { driver: h.driver, teamId: h.standIn.teamId },
): Promise<AppResponse> {
  const name = h.standIn.user(userId)?.name ?? userId.toLowerCase();
  const payload = {
    type: 'view_submission',
    team: { id: via.teamId, domain: 'mentorship-dev' },
    user: { id: userId, username: name, name, team_id: via.teamId },
    api_app_id: 'A0001',
    token: 'unused-verification-token',
    trigger_id: h.standIn.issueTriggerId(userId),
    view: { ...structuredClone(view), state: { values }, private_metadata: privateMetadata ?? view.private_metadata },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return via.driver.sendRaw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: FORM });
}

export interface CapturedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Runs `send` (a driver call) and keeps a copy of the request it posted to the app, headers and
 * signature included. Only requests to `appUrl` are kept; the app's own calls pass untouched.
 */
export async function capture<T>(appUrl: string, send: () => Promise<T>): Promise<{ result: T; request: CapturedRequest }> {
  const original = globalThis.fetch;
  let request: CapturedRequest | undefined;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === appUrl && init && typeof init.body === 'string') {
      request = { url, headers: { ...(init.headers as Record<string, string>) }, body: init.body };
    }
    return original(input, init);
  };
  try {
    const result = await send();
    if (!request) throw new Error('the driver sent nothing to the app');
    return { result, request };
  } finally {
    globalThis.fetch = original;
  }
}

/** Sends a captured request again, unchanged, or with its body altered after signing. */
export async function replay(request: CapturedRequest, alterBody?: (body: string) => string): Promise<{ status: number; text: string }> {
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: alterBody ? alterBody(request.body) : request.body });
  return { status: response.status, text: await response.text() };
}
