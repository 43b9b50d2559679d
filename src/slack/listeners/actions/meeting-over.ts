import type { DomainError } from '../../../errors';
import type { ActionReply, Press } from '../../adapters/action';
import { answeredMessage } from '../../blocks/reminder-settings';
import { button } from '../../blocks/reminder-parts';
import { meetingOverviewMessage } from '../../blocks/meeting-overview';
import type { AppDeps } from '../../context';
import { OpenActions, ReminderActions } from '../../ids';

/**
 * A Skip or Reschedule pressed in a `/mentorship meeting` overview after the meeting ended: the
 * refusal says why, and the overview is redrawn as things stand (the meeting now shows under
 * "notes not recorded yet", with Record notes), so the stale buttons are gone.
 */
export async function refreshOverviewWhenOver(error: DomainError, press: Press, deps: AppDeps): Promise<ActionReply | null> {
  if (error.code !== 'meeting_over' || !press.messageTs) return null;
  return { kind: 'replace', message: meetingOverviewMessage(await deps.services.meetings.overviewFor(press.actor)) };
}

/** The same for "Skip this meeting" on a prep nudge: its buttons give way to the one thing left, its notes. */
export function closeNudgeWhenOver(error: DomainError, press: Press): ActionReply | null {
  if (error.code !== 'meeting_over' || !press.message || !press.value) return null;
  const answered = answeredMessage(press.message, ':checkered_flag: This meeting is over: it can only get its notes now.');
  const notes = button('Record notes', OpenActions.recordNotes, press.value, 'primary', 'Record notes of this meeting');
  // The note takes the place of the nudge's buttons; Record notes comes right under it.
  const blocks = answered.blocks.flatMap((block) =>
    block.block_id === ReminderActions.actionsBlock ? [block, { type: 'actions' as const, elements: [notes] }] : [block],
  );
  return { kind: 'replace', message: { ...answered, blocks } };
}
