import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { meetingOverviewMessage } from '../../blocks/meeting-overview';
import { refreshOverviewWhenOver } from './meeting-over';

/**
 * "Skip" (value = meeting id; Slack asked for confirmation first): the following occurrence becomes the
 * next meeting. The overview it was pressed in is redrawn; the other person hears it by DM through
 * the outbox (event `meeting_skipped`).
 */
export const meetingSkip = onAction({
  name: 'meeting_skip',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (meetingId, { actor }, deps) => deps.services.meetingChanges.skip(actor, meetingId),
  refused: refreshOverviewWhenOver,
  reply: async (_skipped, { actor, messageTs }, deps) =>
    messageTs ? { kind: 'replace', message: meetingOverviewMessage(await deps.services.meetings.overviewFor(actor)) } : null,
});
