import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/types';
import type { EffectsRecorder, Recorded } from '../../domain/effects/effects';
import type { DomainEvent, DomainEventType } from '../../domain/effects/events';
import type { NewNotice } from '../../domain/notices/notice';
import { noticeDueAt } from '../../domain/notices/notice-timing';
import { insertNotices } from '../../domain/notices/notices.repository';
import { feedbackAnswered, feedbackApplied, feedbackExampleAsked, feedbackExampleGiven, feedbackRequested } from './feedback';
import { journalWritten } from './journal';
import { personalDataErased } from './personal-data';
import { PAIR_PLANNERS } from './pairs';
import {
  actionItemDeleted,
  actionItemEdited,
  actionItemOverdue,
  actionItemTicked,
  agendaShared,
  meetingRescheduled,
  meetingTimeProposed,
  meetingRhythmChanged,
  meetingSkipped,
  notesRecorded,
} from './meetings';
import type { EffectPlan, PlannedNotice } from './plan';
import { reminderSettingsSaved } from './reminders';
import { resourceAdded, resourceExplored } from './resources';
import { thanksSent } from './thanks';
import { updateSent } from './updates';
import { GOAL_PLANNERS } from './goals';
import { expectationsAgreed, expectationsProposed } from './expectations';

type Planners = { [T in DomainEventType]: (event: Extract<DomainEvent, { type: T }>) => EffectPlan };

/** Every event's messages and Home tabs; the type makes an event without a planner a compile error. */
const PLANNERS: Planners = {
  thanks_sent: thanksSent,
  update_sent: updateSent,
  feedback_requested: feedbackRequested,
  feedback_answered: feedbackAnswered,
  feedback_applied: feedbackApplied,
  feedback_example_asked: feedbackExampleAsked,
  feedback_example_given: feedbackExampleGiven,
  resource_added: resourceAdded,
  resource_explored: resourceExplored,
  journal_written: journalWritten,
  personal_data_erased: personalDataErased,
  ...PAIR_PLANNERS,
  reminder_settings_saved: reminderSettingsSaved,
  agenda_shared: agendaShared,
  notes_recorded: notesRecorded,
  notes_amended: notesRecorded,
  meeting_rescheduled: meetingRescheduled,
  meeting_time_proposed: meetingTimeProposed,
  meeting_skipped: meetingSkipped,
  meeting_rhythm_changed: meetingRhythmChanged,
  action_item_ticked: actionItemTicked,
  action_item_reopened: actionItemTicked,
  action_item_deleted: actionItemDeleted,
  action_item_edited: actionItemEdited,
  action_item_overdue: actionItemOverdue,
  ...GOAL_PLANNERS,
  expectations_proposed: expectationsProposed,
  expectations_agreed: expectationsAgreed,
};

export function planEffects(event: DomainEvent): EffectPlan {
  return (PLANNERS[event.type] as (event: DomainEvent) => EffectPlan)(event);
}

/**
 * The effects module: events become outbox rows in the caller's transaction (rendered now, through
 * the pure block builders, and timed for the recipient) and a list of Home tabs to refresh.
 */
export function createEffectsRecorder(clock: () => Date): EffectsRecorder {
  return {
    async record(tx: Tx, teamId: string, events: readonly DomainEvent[]): Promise<Recorded> {
      const now = clock();
      const notices: NewNotice[] = [];
      const home = new Set<string>();
      for (const event of events) {
        const plan = planEffects(event);
        const eventId = randomUUID();
        plan.notices.forEach((planned, index) => notices.push(toNotice(teamId, plan.pairId, `notice:${eventId}:${index}`, planned, now)));
        for (const userId of plan.home) home.add(userId);
      }
      const written = await insertNotices(tx, notices, now);
      return {
        teamId,
        outboxIds: written.map((row) => row.id),
        dueNowIds: written.filter((row) => row.due_at.getTime() <= now.getTime()).map((row) => row.id),
        homeUsers: [...home],
      };
    },
  };
}

export function toNotice(teamId: string, pairId: string | null, dedupeKey: string, planned: PlannedNotice, now: Date): NewNotice {
  const { target } = planned;
  return {
    teamId,
    pairId,
    meetingId: planned.meetingId ?? null,
    recipientId: target.type === 'dm' ? target.userId : target.channelId,
    dedupeKey,
    dueAt: planned.timing ? noticeDueAt(now, planned.timing, planned.timing.meetingAt ?? null) : now,
    payload: {
      topic: planned.topic,
      target,
      message: planned.message,
      ...(planned.unfurl ? { unfurl: true } : {}),
      ...(planned.onPosted ? { onPosted: planned.onPosted } : {}),
      ...(planned.fallback ? { fallback: planned.fallback } : {}),
    },
  };
}
