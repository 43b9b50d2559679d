import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';

type Payload = { type?: string; team?: { id?: string }; team_id?: string; user?: { id?: string } | string; user_id?: string; event?: { user?: unknown } };

/** A child logger per request, carrying its id, so every line of one request can be found together. */
export function requestLogger(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ context, body, next }) => {
    const payload = body as Payload;
    const user = typeof payload.user === 'object' ? payload.user?.id : payload.user_id ?? (typeof payload.event?.user === 'string' ? payload.event.user : undefined);
    context.log = logger.child({
      requestId: randomUUID(),
      kind: payload.type ?? 'command',
      teamId: payload.team?.id ?? payload.team_id,
      userId: user,
    });
    await next();
  };
}
