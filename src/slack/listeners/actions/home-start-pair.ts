import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { defaultFirstDate, pairModal } from '../../blocks/pair-modal';
import { type AppDeps, requestLog } from '../../context';
import { lookupUser } from '../../directory';
import { slackErrorCode } from '../../messenger';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Start a mentorship pair" on the dashboard of someone in none: the same modal as `/mentorship pair`. */
export function homeStartPair(deps: AppDeps) {
  return async ({ ack, body, client, context }: Args): Promise<void> => {
    await ack();
    const log = requestLog(context, deps.logger);
    const userId = body.user.id;
    const known = await deps.services.people.find(body.team?.id ?? '', userId);
    const timeZone = known?.time_zone ?? (await lookupUser(client, userId).catch(() => null))?.timeZone ?? 'UTC';
    const view = pairModal({ mentorId: userId, timeZone, firstDate: defaultFirstDate(deps.clock(), timeZone) });
    await client.views
      .open({ trigger_id: body.trigger_id, view })
      .then(() => log.info('pair modal opened from home'))
      .catch((error: unknown) => log.warn({ err: error, code: slackErrorCode(error) }, 'pair modal from home failed'));
  };
}
