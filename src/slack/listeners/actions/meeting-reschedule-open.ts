import { rescheduleModal } from '../../blocks/meeting-modals';
import { meetingModalAction } from './meeting-button';
import { refreshOverviewWhenOver } from './meeting-over';

/** "Reschedule" (value = meeting id): date and time pickers for that meeting. */
export const meetingRescheduleOpen = meetingModalAction(
  'meeting_reschedule_open',
  async (meetingId, { actor }, deps) => rescheduleModal(await deps.services.meetings.reschedulable(actor, meetingId)),
  refreshOverviewWhenOver,
);
