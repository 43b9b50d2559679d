import type { OutboxRow } from '../db/schema';
import { localDateIn } from '../domain/time/zoned';
import { actionsDueTomorrow, goalTargetNear, midCycleNudge, wrapUpPrompt } from '../slack/blocks/reminder-between';
import { notesMissingSummary, notesPrompt, prepHeadsUp, prepNudge, thanksPrompt, type MeetingReminderView } from '../slack/blocks/reminder-meeting';
import type { Message } from '../slack/blocks/help';
import { checkInMessage } from '../slack/blocks/closing-messages';
import { progressCheckInMessage } from '../slack/blocks/progress-check-in';
import { dueItems } from '../domain/reminders/decide';
import type { DeliveryContext } from '../domain/reminders/delivery.repository';
import type { ReminderKind } from '../domain/reminders/kinds';

/** Turns a row and its fresh context into the message, through the pure Block Kit builders. */
export function renderReminder(row: OutboxRow, ctx: DeliveryContext, now: Date): Message {
  const kind = row.kind as ReminderKind;
  const recipient = ctx.recipient!;
  const pair = ctx.pair!;
  const zone = recipient.time_zone;
  const role = pair.mentor_id === recipient.user_id ? 'mentor' : 'mentee';
  const otherId = role === 'mentor' ? pair.mentee_id : pair.mentor_id;
  const listed = ctx.openActions.map((item) => ({ id: item.id, body: item.body, dueOn: item.due_on, ownerId: item.owner_id }));
  const meetingView = (): MeetingReminderView => ({
    reminderId: row.id,
    meetingId: ctx.meeting!.id,
    pairId: pair.id,
    otherId,
    meetingAt: ctx.meeting!.scheduled_at,
    zone,
    leadMinutes: recipient.prep_lead_minutes,
    agenda: ctx.agenda,
    agendaShared: ctx.meeting!.agenda_shared_at !== null,
    feedbackFocus: ctx.meeting!.feedback_focus,
    openActions: listed,
    // Sequence 0 is the pair's first occurrence: rhythm changes re-anchor later ones, never renumber it.
    firstMeeting: ctx.meeting!.sequence === 0,
  });
  switch (kind) {
    case 'prep':
      return prepNudge(meetingView());
    case 'prep_heads_up':
      return prepHeadsUp(meetingView());
    case 'thanks':
      return thanksPrompt(meetingView(), role);
    case 'notes_prompt':
      return notesPrompt(meetingView());
    case 'notes_missing':
      return notesMissingSummary(meetingView());
    case 'mid_cycle':
      return midCycleNudge({ pairId: pair.id, meetingId: ctx.meeting!.id, otherId, meetingAt: ctx.meeting!.scheduled_at, zone, resources: ctx.resources });
    case 'action_due':
      return actionsDueTomorrow({
        dueOn: String(row.payload.dueOn),
        zone,
        items: dueItems(row, ctx).map((item) => ({ id: item.id, body: item.body, dueOn: item.due_on, ownerId: item.owner_id })),
      });
    case 'goal_target': {
      const targetDate = ctx.goal!.target_date;
      const daysLeft = Math.max(1, Math.round((Date.parse(targetDate) - Date.parse(localDateIn(now, zone))) / 86_400_000));
      return goalTargetNear({ title: ctx.goal!.title, targetDate, daysLeft, zone });
    }
    case 'wrap_up':
      return wrapUpPrompt({ otherId, role, plannedEndOn: pair.planned_end_on, zone });
    case 'progress_check_in':
      return progressCheckInMessage({ pairId: pair.id, otherId, checkpoint: row.payload.checkpoint === 2 ? 2 : 1, zone });
    case 'check_in':
      return checkInMessage({ pairId: pair.id, otherId, months: Number(row.payload.months), longTermGoals: ctx.reflection?.long_term_goals ?? null, zone });
  }
}
