import type { Actor } from '../domain/actor';
import type { Logger } from '../logger';

/** Who sent a request, where, and the logger that names the request: put on Bolt's context by the actor middleware. */
export interface RequestActor extends Actor {
  /** The conversation the person acted in, when there is one (a command, a press in a message). */
  channelId: string | undefined;
  requestId: string;
  log: Logger;
}

/** The parts of any request body (command, block action, view submission, event envelope) that name the actor. */
interface AnyBody {
  type?: string;
  team?: { id?: string } | null;
  team_id?: string;
  user?: { id?: string; team_id?: string } | string;
  user_id?: string;
  channel?: { id?: string };
  channel_id?: string;
  container?: { channel_id?: string };
  view?: { team_id?: string };
  event?: { user?: unknown; channel?: unknown };
  enterprise?: { id?: string } | null;
}

export interface FoundActor {
  teamId: string | null;
  userId: string | null;
  channelId: string | undefined;
  kind: string;
}

/**
 * Reads the actor once, the same way for every kind of request (the team id used to be read inline,
 * with different fallbacks, in about twenty handlers).
 */
export function actorFrom(body: unknown): FoundActor {
  const b = (body ?? {}) as AnyBody;
  const userObject = typeof b.user === 'object' && b.user !== null ? b.user : undefined;
  const eventUser = typeof b.event?.user === 'string' ? b.event.user : undefined;
  const teamId = b.team?.id ?? b.team_id ?? userObject?.team_id ?? b.view?.team_id ?? null;
  const userId = userObject?.id ?? (typeof b.user === 'string' ? b.user : undefined) ?? b.user_id ?? eventUser ?? null;
  const eventChannel = typeof b.event?.channel === 'string' ? b.event.channel : undefined;
  const channelId = b.channel?.id ?? b.channel_id ?? b.container?.channel_id ?? eventChannel;
  return { teamId: teamId || null, userId: userId || null, channelId: channelId || undefined, kind: b.type ?? 'command' };
}

/** The actor of an interaction (a command, a press, a submission): the middleware guarantees both ids. */
export function actorOf(context: Record<string, unknown>): RequestActor {
  const actor = context.actor as RequestActor | undefined;
  if (!actor?.userId) throw new Error('no actor on the context: is the actor middleware registered?');
  return actor;
}

/** The request's logger, for code that runs on every kind of request (events included). */
export function requestLog(context: Record<string, unknown>, fallback: Logger): Logger {
  return (context.log as Logger | undefined) ?? fallback;
}
