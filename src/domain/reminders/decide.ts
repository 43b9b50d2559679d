import type { OutboxRow } from '../../db/schema';
import { localDateIn } from '../time/zoned';
import type { DeliveryContext } from './delivery.repository';
import { AFTER_MEETING_KINDS, UPCOMING_MEETING_KINDS, type ReminderKind } from './kinds';
import { afterQuietHours, inQuietHours } from './quiet-hours';

export type Decision = { action: 'send' } | { action: 'cancel'; reason: string } | { action: 'defer'; until: Date; reason: string };

/**
 * Just before a send, from fresh state: is this reminder still due, and may it go out now? The
 * planner decided when; this decides whether, so a meeting skipped, moved or already written up,
 * a paused pair or a person on vacation never gets a stale reminder, whatever the row says.
 */
export function decide(row: OutboxRow, ctx: DeliveryContext, now: Date): Decision {
  const kind = row.kind as ReminderKind;
  const { recipient, pair, meeting } = ctx;
  if (!recipient) return cancel('recipient_unknown');
  if (row.expires_at && now.getTime() >= row.expires_at.getTime()) return cancel('expired');
  if (kind === 'check_in') {
    // The one reminder of an ended pair: only while the person still wants check-ins.
    if (!pair || pair.status !== 'ended') return cancel('pair_not_ended');
    if (!ctx.reflection?.check_ins) return cancel('check_ins_stopped');
  } else if (!pair || pair.status !== 'active') return cancel('pair_inactive');
  if (recipient.deactivated_at) return cancel('recipient_deactivated');
  if (recipient.reminders_paused_until && localDateIn(now, recipient.time_zone) <= recipient.reminders_paused_until) return cancel('recipient_paused');

  if (row.meeting_id) {
    if (!meeting) return cancel('meeting_gone');
    if (UPCOMING_MEETING_KINDS.includes(kind) && meeting.status !== 'scheduled') return cancel(`meeting_${meeting.status}`);
    if (meeting.status === 'skipped' || meeting.status === 'cancelled') return cancel(`meeting_${meeting.status}`);
    const plannedFor = typeof row.payload.meetingAt === 'string' ? row.payload.meetingAt : null;
    if (plannedFor !== meeting.scheduled_at.toISOString()) return cancel('meeting_moved');
    if (AFTER_MEETING_KINDS.includes(kind) && meeting.notes_recorded_at) return cancel('notes_recorded');
  }
  if (kind === 'action_due' && dueItems(row, ctx).length === 0) return cancel('nothing_due');
  if (kind === 'goal_target') {
    const goal = ctx.goal;
    if (!goal || goal.status === 'achieved' || goal.status === 'dropped' || goal.target_date !== row.payload.targetDate) return cancel('goal_closed');
  }
  if (kind === 'wrap_up' && pair.planned_end_on !== row.payload.plannedEndOn) return cancel('plan_changed');

  // Due before 21:00 but sent late (a backlog, a Retry-After): quiet hours are checked again now.
  if (inQuietHours(now, recipient.time_zone)) {
    const morning = afterQuietHours(now, recipient.time_zone);
    if (row.expires_at && morning.getTime() >= row.expires_at.getTime()) return cancel('quiet_hours');
    return { action: 'defer', until: morning, reason: 'quiet_hours' };
  }
  return { action: 'send' };
}

/** The recipient's open action items due on the row's day. */
export function dueItems(row: OutboxRow, ctx: DeliveryContext): DeliveryContext['openActions'] {
  return ctx.openActions.filter((item) => item.owner_id === row.recipient_id && item.due_on === row.payload.dueOn);
}

const cancel = (reason: string): Decision => ({ action: 'cancel', reason });
