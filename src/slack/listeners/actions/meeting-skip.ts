import { otherMember } from '../../../domain/pairs/membership';
import { meetingSkippedMessage } from '../../blocks/meeting-changes';
import { meetingOverviewMessage } from '../../blocks/meeting-overview';
import { type AppDeps, requestLog } from '../../context';
import { type ButtonArgs, clickedId, dmAll, replyToRefusal, teamOf } from './meeting-replies';

/**
 * "Skip" (value = meeting id; Slack asked for confirmation first): the following occurrence becomes the
 * next meeting. The overview it was clicked in is refreshed and the other person is told by DM.
 */
export function meetingSkip(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const teamId = teamOf(body);
    const log = requestLog(args.context, deps.logger);
    let result;
    try {
      result = await deps.services.meetings.skip(teamId, clickedId(args) ?? '', body.user.id);
    } catch (error) {
      return replyToRefusal(args, deps, error);
    }
    log.info({ meetingId: result.meeting.id }, 'meeting skipped');
    const viewer = { userId: body.user.id, timeZone: result.people.zones[body.user.id] ?? 'UTC' };
    if (body.response_url) {
      const overview = meetingOverviewMessage(await deps.services.meetings.overviewFor(teamId, body.user.id), viewer);
      await args.respond({ response_type: 'ephemeral', replace_original: true, ...overview });
    }
    const other = otherMember(result.pair, body.user.id);
    const message = meetingSkippedMessage({ actorId: body.user.id, skipped: result.meeting, next: result.next, viewerZone: result.people.zones[other] ?? 'UTC' });
    await dmAll(client, deps, teamId, [{ userId: other, message }], log);
    await deps.home.refresh(teamId, [result.pair.mentor_id, result.pair.mentee_id]);
  };
}
