import { proposeTimeModal } from '../../blocks/meeting-modals';
import { meetingModalAction } from './meeting-button';
import { refreshOverviewWhenOver } from './meeting-over';

/** "Doesn't suit me" (value = meeting id) on the DM about a moved meeting: a modal to propose another time. */
export const meetingNotSuitable = meetingModalAction(
  'meeting_time_not_suitable',
  async (meetingId, { actor }, deps) => proposeTimeModal(await deps.services.meetings.reschedulable(actor, meetingId)),
  refreshOverviewWhenOver,
);
