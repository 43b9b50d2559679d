import { errorMessage } from '../../blocks/help';
import { meetingOverviewMessage } from '../../blocks/meeting-overview';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';

/** `/mentorship meeting`: the next meeting of each of the person's pairs, in their zone, with what they can do about it. */
export const meeting: SubcommandHandler = async (args, deps, { rest, log, actor }) => {
  if (rest.trim() !== '') {
    await args.ack({
      response_type: 'ephemeral',
      ...errorMessage('`/mentorship meeting` takes nothing after it: it shows your next meeting with buttons to reschedule, skip or change the rhythm.'),
    });
    return;
  }
  if (!(await requirePairs(args, deps))) return;
  const overview = await deps.services.meetings.overviewFor(actor);
  await args.respond({ response_type: 'ephemeral', ...meetingOverviewMessage(overview) });
  log.info({ pairs: overview.pairs.length }, 'meeting overview shown');
};
