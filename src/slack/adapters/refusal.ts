import { isDomainError } from '../../errors';
import type { Logger } from '../../logger';
import { slackFailure, slackFailureText } from '../slack-failure';

const BUG = 'Something went wrong on my side; nothing was changed. Please try again.';

/**
 * What a person is told when their interaction did not go through: a DomainError (a refusal, a
 * stale button, bad input) in its own words; a Slack failure named as Slack's; anything else is a
 * bug, logged as an error, with an apology. `what` names the interaction for the Slack case.
 */
export function refusalText(error: unknown, log: Logger, what: string): string {
  if (isDomainError(error)) {
    // The operator's to fix (DATA_ENCRYPTION_KEY lost a key): the person is told, the log says which key.
    if (error.code === 'unreadable') log.error({ code: error.code, err: error }, 'sealed text could not be opened');
    return error.message;
  }
  const failure = slackFailure(error);
  if (failure) {
    log.warn({ err: error, failure }, 'slack call failed during an interaction');
    return slackFailureText(failure, what);
  }
  log.error({ err: error }, 'interaction failed');
  return BUG;
}
