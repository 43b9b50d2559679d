/**
 * Slack waits 3 s for an ack and then shows the person an error, whatever the app does later. Slack
 * calls a listener must make BEFORE its ack (e.g. users.info to validate a submission) get a deadline
 * well inside that, so the listener can still answer with a field error; the WebClient's own 5 s
 * timeout is meant for work after the ack.
 */
export const PRE_ACK_BUDGET_MS = 2_000;

export class AckBudgetExceeded extends Error {
  override readonly name = 'AckBudgetExceeded';
}

/** `work`, or a rejection with AckBudgetExceeded once `ms` have passed (the work itself runs on, unawaited). */
export function beforeAck<T>(work: Promise<T>, ms = PRE_ACK_BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AckBudgetExceeded(`no answer within ${ms} ms, before the ack`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
