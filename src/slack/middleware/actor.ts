import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';
import { actorFrom, type RequestActor } from '../actor';

/**
 * Puts the actor (team, user, channel) and a child logger carrying the request id on every request,
 * so every line of one request can be found together and no handler reads ids from the payload.
 * A request without a team is refused: every id the bot stores is scoped by workspace.
 */
export function actorMiddleware(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, body, next } = args;
    const found = actorFrom(body);
    const requestId = randomUUID();
    const log = logger.child({ requestId, kind: found.kind, teamId: found.teamId ?? undefined, userId: found.userId ?? undefined });
    context.log = log;
    if (!found.teamId) {
      log.warn('request without a team refused');
      // Acknowledge so Slack does not retry what will never be served; nothing else happens.
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    if (found.userId) {
      const actor: RequestActor = { teamId: found.teamId, userId: found.userId, channelId: found.channelId, requestId, log };
      context.actor = actor;
    }
    await next();
  };
}
