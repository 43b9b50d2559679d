/**
 * Failures of Slack's Web API, told apart from bugs: the person gets a message that says what went
 * wrong and that trying again will work, and the log gets a warning rather than an error (an outage
 * or a rate limit is Slack's weather, not a defect in the bot).
 */
const TRIGGER_GONE = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

export type SlackFailure = 'timeout' | 'rate_limited' | 'unavailable' | 'trigger_expired' | 'rejected';

export function slackFailure(error: unknown): SlackFailure | null {
  const { code, data, original } = (error ?? {}) as { code?: unknown; data?: { error?: unknown }; original?: { name?: unknown; message?: unknown } };
  switch (code) {
    case 'slack_webapi_rate_limited_error':
      return 'rate_limited';
    case 'slack_webapi_http_error':
      return 'unavailable';
    case 'slack_webapi_request_error':
      // By name normally; by message when the abort came from another realm and was re-wrapped as a plain Error.
      return /timeout|abort/i.test(`${String(original?.name)} ${String(original?.message)}`) ? 'timeout' : 'unavailable';
    case 'slack_webapi_platform_error':
      return typeof data?.error === 'string' && TRIGGER_GONE.has(data.error) ? 'trigger_expired' : 'rejected';
    default:
      return null;
  }
}

const REASONS: Record<SlackFailure, string> = {
  timeout: "Slack didn't answer in time",
  rate_limited: 'Slack asked me to slow down',
  unavailable: 'Slack had a problem on its side',
  trigger_expired: 'the form took too long to open',
  rejected: 'Slack refused the request',
};

/** "I couldn't finish `/mentorship pair` (Slack didn't answer in time). Nothing was saved; please try again in a moment." */
export function slackFailureText(failure: SlackFailure, command: string): string {
  return `I couldn't finish \`${command}\` (${REASONS[failure]}). Nothing was saved; please try again in a moment.`;
}

/** The Slack error code of a failed Web API call, if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
