import { NOTICE_KIND } from '../domain/notices/notice';
import { type DeliveryDeps, type DeliveryResult, startAttempt } from './attempt';
import { deliverNotice } from './deliver-notice';
import { deliverReminder } from './deliver-reminder';
import type { ClaimedReminder } from './outbox.repository';

export type { DeliveryDeps, DeliveryResult, DeliverySettings } from './attempt';

/**
 * One claimed row, start to end. The claim (attempt n) is committed before any Slack call; every
 * completion presents attempt n; a row whose earlier attempt may have posted is looked for in its
 * conversation before it is sent again. Never throws for a Slack problem: the outcome is recorded on
 * the row. Reminders are checked against fresh state and rendered now; notices were rendered when
 * they were written.
 */
export async function deliver(deps: DeliveryDeps, row: ClaimedReminder, clock: () => Date): Promise<DeliveryResult> {
  if (row.kind === NOTICE_KIND) {
    const topic = typeof row.payload.topic === 'string' ? row.payload.topic : undefined;
    return deliverNotice(deps, startAttempt(deps, row, clock, 'notice', { topic }));
  }
  return deliverReminder(deps, startAttempt(deps, row, clock, 'reminder', {}));
}
