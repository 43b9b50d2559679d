import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { requestLog } from '../../actor';
import type { AppDeps } from '../../context';

type Args = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/** The parts of Slack's user object the bot follows; anything else in the event is ignored. */
const ChangedUser = z.object({
  id: z.string().regex(/^[UW][A-Z0-9]+$/),
  deleted: z.boolean().optional(),
  tz: z.string().max(64).nullish(),
  real_name: z.string().nullish(),
  profile: z.object({ display_name: z.string().nullish(), real_name: z.string().nullish() }).loose().nullish(),
});

/**
 * `user_change`: a person's zone, name or account changed in Slack. The account-changes use case
 * follows the zone (unless the person chose their own) and pauses the pairs of a deactivated account,
 * telling the other person through the outbox. Bolt has already acked; retries are de-duplicated.
 */
export function userChange(deps: AppDeps) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const user = ChangedUser.safeParse(event.user);
    const teamId = (body as { team_id?: unknown }).team_id;
    if (!user.success || typeof teamId !== 'string') {
      log.warn('user_change without a usable user refused');
      return;
    }
    const { id, deleted, tz, real_name, profile } = user.data;
    const recorded = await deps.services.accounts.changed({
      teamId,
      userId: id,
      displayName: profile?.display_name || profile?.real_name || real_name || null,
      realName: profile?.real_name || real_name || null,
      timeZone: tz ?? null,
      deactivated: deleted === true,
    });
    log.info({ known: recorded !== null, deactivated: deleted === true }, 'user change followed');
    if (recorded) await deps.effects.flush(recorded);
  };
}
