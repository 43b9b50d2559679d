import { slotOf } from '../../../domain/meetings/views';
import { onSubmit } from '../../adapters/view';
import { agendaSharedView } from '../../blocks/meeting-modals';
import { AgendaModal } from '../../ids';
import { parseAgendaForm } from '../../inputs/agenda-form';
import { readMeetingForm } from '../../inputs/meeting-forms';

/**
 * Saves the agenda; the other person gets it by DM through the outbox (the whole agenda the first
 * time, then what was added on top of it). A meeting that has started is refused.
 */
export const agendaSubmit = onSubmit({
  name: 'agenda_submit',
  field: AgendaModal.blocks.topics,
  fields: { topics: AgendaModal.blocks.topics },
  parse: ({ view, values }) => readMeetingForm(view, (meetingId) => parseAgendaForm(values, meetingId)),
  run: ({ meetingId, form }, { actor }, deps) => deps.services.agendas.save(actor, meetingId, form),
  ack: (saved) => ({
    response_action: 'update',
    view: agendaSharedView({ otherId: saved.otherId, viewerZone: saved.viewerZone, meeting: slotOf(saved.meeting) }),
  }),
});
