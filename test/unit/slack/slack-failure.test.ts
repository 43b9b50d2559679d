import { slackFailure, slackFailureText } from '../../../src/slack/slack-failure';

describe('telling Slack failures apart from bugs', () => {
  it.each([
    [{ code: 'slack_webapi_rate_limited_error', retryAfter: 30 }, 'rate_limited'],
    [{ code: 'slack_webapi_http_error', statusCode: 500 }, 'unavailable'],
    [{ code: 'slack_webapi_request_error', original: { name: 'TimeoutError', message: 'The operation was aborted due to timeout' } }, 'timeout'],
    [{ code: 'slack_webapi_request_error', original: { name: 'Error', message: 'TimeoutError: The operation was aborted due to timeout' } }, 'timeout'],
    [{ code: 'slack_webapi_request_error', original: { name: 'Error', message: 'connect ECONNREFUSED' } }, 'unavailable'],
    [{ code: 'slack_webapi_platform_error', data: { error: 'expired_trigger_id' } }, 'trigger_expired'],
    [{ code: 'slack_webapi_platform_error', data: { error: 'invalid_arguments' } }, 'rejected'],
  ])('classifies %j as %s', (error, expected) => {
    expect(slackFailure(error)).toBe(expected);
  });

  it.each([[new Error('boom')], [null], [undefined], ['text']])('does not take %p for a Slack failure', (error) => {
    expect(slackFailure(error)).toBeNull();
  });

  it('says what happened and that nothing was saved', () => {
    expect(slackFailureText('timeout', '/mentorship pair')).toBe(
      "I couldn't finish `/mentorship pair` (Slack didn't answer in time). Nothing was saved; please try again in a moment.",
    );
  });
});
