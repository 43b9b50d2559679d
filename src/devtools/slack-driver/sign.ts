/**
 * Slack's request signing (SLACK.md §1.1): `v0=` + hex HMAC-SHA256 over `v0:<timestamp>:<raw body>`.
 * The body must be signed byte for byte as sent, so callers sign the exact string they post.
 */
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

export function signRequest(signingSecret: string, rawBody: string, timestampSeconds = Math.floor(Date.now() / 1000)): SlackSignatureHeaders {
  const ts = String(timestampSeconds);
  const hex = createHmac('sha256', signingSecret).update(`v0:${ts}:${rawBody}`, 'utf8').digest('hex');
  return { 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${hex}` };
}
