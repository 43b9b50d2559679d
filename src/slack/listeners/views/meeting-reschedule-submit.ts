import { slotOf } from '../../../domain/meetings/views';
import { onSubmit } from '../../adapters/view';
import { meetingMovedView } from '../../blocks/meeting-modals';
import { RescheduleModal } from '../../ids';
import { readRescheduleForm, RESCHEDULE_FIELD_BLOCKS } from '../../inputs/meeting-forms';

/** Moves the meeting (read in the pair's zone); the modal shows the outcome and the other person is told by DM. */
export const meetingRescheduleSubmit = onSubmit({
  name: 'meeting_reschedule_submit',
  field: RescheduleModal.blocks.date,
  fields: RESCHEDULE_FIELD_BLOCKS,
  parse: ({ view, values }) => readRescheduleForm(view, values),
  run: ({ meetingId, ...time }, { actor }, deps) => deps.services.meetingChanges.reschedule(actor, meetingId, time),
  ack: (moved) => ({
    response_action: 'update',
    view: meetingMovedView({ otherId: moved.otherId, viewerZone: moved.viewerZone, meeting: slotOf(moved.meeting) }),
  }),
});
