import type { Stale } from '../domain/pairs/transition';
import type { ActionReply, Press } from './adapters/action';
import type { AppDeps } from './context';
import { errorMessage } from './blocks/help';
import { invitationSettledMessage } from './blocks/pair-life-messages';
import { statusMessage } from './blocks/status';

/**
 * What the presser of a lifecycle button sees. The Home tab is redrawn through a change's effects
 * (its `home` list); after a stale press there it is redrawn here, with the reason. `/mentorship
 * status` (an ephemeral) is redrawn in place. A DM (the invitation, the closing summary) is replaced by
 * `done` once it is answered, or by the reason the press came too late.
 */
export async function lifeReply(outcome: { changed: true } | Stale, press: Press, deps: AppDeps, done?: string): Promise<ActionReply[]> {
  const stale = outcome.changed ? null : outcome.reason;
  if (press.view?.type === 'home') {
    if (!stale) return [];
    // A stale press on Home: redraw it (a committed change redraws it through its effects instead).
    await deps.home.refresh(press.actor.teamId, [press.actor.userId]);
    return [{ kind: 'private', message: errorMessage(stale) }];
  }
  if (press.messageTs && press.ephemeral) {
    const status: ActionReply = { kind: 'replace', message: statusMessage(await deps.services.home.snapshot(press.actor.teamId, press.actor.userId)) };
    return stale ? [status, { kind: 'private', message: errorMessage(stale) }] : [status];
  }
  if (press.messageTs) {
    if (stale) return [{ kind: 'replace', message: invitationSettledMessage(stale) }];
    return done ? [{ kind: 'replace', message: invitationSettledMessage(done) }] : [];
  }
  return stale ? [{ kind: 'private', message: errorMessage(stale) }] : [];
}
