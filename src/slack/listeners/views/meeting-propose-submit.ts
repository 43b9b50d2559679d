import { onSubmit } from '../../adapters/view';
import { timeProposedView } from '../../blocks/meeting-modals';
import { ProposeTimeModal } from '../../ids';
import { PROPOSE_FIELD_BLOCKS, readProposeForm } from '../../inputs/meeting-forms';

/** "Doesn't suit me": the other person is told the proposed time (in both zones); the meeting stays put. */
export const meetingProposeSubmit = onSubmit({
  name: 'meeting_propose_submit',
  field: ProposeTimeModal.blocks.date,
  fields: PROPOSE_FIELD_BLOCKS,
  parse: ({ view, values }) => readProposeForm(view, values),
  run: ({ meetingId, ...time }, { actor }, deps) => deps.services.meetingChanges.proposeTime(actor, meetingId, time),
  ack: (proposed) => ({ response_action: 'update', view: timeProposedView(proposed) }),
});
