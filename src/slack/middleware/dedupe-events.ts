import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { requestLog } from '../actor';
import type { AppDeps } from '../context';

type Envelope = { type?: string; event_id?: unknown; team_id?: unknown; event?: { type?: unknown } };

/**
 * Lets each Events API delivery through once. Slack retries (`X-Slack-Retry-Num`) carry the same
 * `event_id`; so do copies that reach another replica. Bolt has already answered 200 by the time
 * global middleware runs, so a skipped duplicate costs nothing but this insert.
 *
 * The id is recorded on receipt, not on success: a retry only happens when Slack did not see our
 * 200, not when our listener failed, so handling it again would repeat work that already ran.
 * If the database cannot be asked, the event goes through (a rare duplicate beats a lost event).
 */
export function dedupeEvents(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as Envelope;
    if (envelope.type !== 'event_callback' || typeof envelope.event_id !== 'string') return next();
    const log = requestLog(context, deps.logger);
    const teamId = typeof envelope.team_id === 'string' ? envelope.team_id : '';
    let first = true;
    try {
      first = await deps.services.processedEvents.firstDelivery(envelope.event_id, teamId);
    } catch (error) {
      log.warn({ err: error, eventId: envelope.event_id }, 'event de-duplication unavailable');
    }
    if (!first) {
      log.info({ eventId: envelope.event_id, eventType: envelope.event?.type, retryNum: context.retryNum }, 'duplicate event skipped');
      return;
    }
    await next();
  };
}
