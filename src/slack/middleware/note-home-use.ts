import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { HomeService } from '../../domain/home/home.service';
import type { RequestActor } from '../actor';

/**
 * A button pressed on someone's Home tab says they are looking at it, however long ago they opened it:
 * noted like an opening, so the change the press leads to (a modal submitted a minute later) republishes
 * their Home. Not awaited: the press is acked without waiting for the write, which nothing else needs.
 */
export function noteHomeUse(home: Pick<HomeService, 'noteOpened'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const payload = body as { type?: unknown; view?: { type?: unknown } };
    const actor = context.actor as RequestActor | undefined;
    if (payload.type === 'block_actions' && payload.view?.type === 'home' && actor?.userId) {
      void home.noteOpened(actor.teamId, actor.userId).catch((error: unknown) => actor.log.warn({ err: error }, 'home use not recorded'));
    }
    await next();
  };
}
