import { afterQuietHours } from '../reminders/quiet-hours';

/**
 * When a notice may go out. A reply to a person's own action goes at once; a notice to the other
 * person waits for the end of their quiet hours (21:00-08:00 in their zone), unless it concerns a
 * meeting that starts before then, when waiting would make it useless.
 */
export function noticeDueAt(now: Date, recipient: { zone: string; isActor: boolean }, meetingAt: Date | null = null): Date {
  if (recipient.isActor) return now;
  const morning = afterQuietHours(now, recipient.zone);
  const startsFirst = meetingAt !== null && meetingAt.getTime() > now.getTime() && meetingAt.getTime() <= morning.getTime();
  return startsFirst ? now : morning;
}
