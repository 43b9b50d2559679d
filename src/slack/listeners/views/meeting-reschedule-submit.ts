import { slotOf } from '../../../domain/meetings/views';
import { onSubmit } from '../../adapters/view';
import { meetingMovedView, rescheduleModal } from '../../blocks/meeting-modals';
import { RescheduleModal } from '../../ids';
import { readRescheduleForm, RESCHEDULE_FIELD_BLOCKS } from '../../inputs/meeting-forms';

/**
 * Moves the meeting (read in the pair's zone); the modal shows the outcome in both zones and the other
 * person is told by DM. A time outside 08:00-20:00 for the other person moves nothing yet: the modal
 * shows it in both zones with a warning, and submitting the same time again moves it.
 */
export const meetingRescheduleSubmit = onSubmit({
  name: 'meeting_reschedule_submit',
  field: RescheduleModal.blocks.date,
  fields: RESCHEDULE_FIELD_BLOCKS,
  parse: ({ view, values }) => readRescheduleForm(view, values),
  run: ({ meetingId, ...time }, { actor }, deps) => deps.services.meetingChanges.reschedule(actor, meetingId, time),
  ack: (outcome) =>
    outcome.moved
      ? { response_action: 'update', view: meetingMovedView({ ...outcome, meeting: slotOf(outcome.meeting) }) }
      : { response_action: 'update', view: rescheduleModal(outcome.draft, outcome.outsideHours) },
});
