import type { WebClient } from '@slack/web-api';
import type { ReviewOutcome } from '../../../domain/goals/goal-review.service';
import type { Logger } from '../../../logger';
import { goneMessage, onlyMentorMessage, staleReviewMessage } from '../../blocks/goal-messages';
import type { AppDeps } from '../../context';
import { type PressedIn, tellPrivately } from './goal-action';
import { refreshPressedMessage } from './goal-effects';

/**
 * The answers shared by Approve, Request changes and the comment modal when the press cannot go
 * ahead: not the mentor (nothing changes, not even the message), a goal gone, or an outdated
 * message (refreshed to the goal as it is).
 */
export async function answerNotDone(
  client: WebClient,
  deps: AppDeps,
  outcome: Exclude<ReviewOutcome, { kind: 'done' }>,
  where: PressedIn,
  log: Logger,
): Promise<void> {
  switch (outcome.kind) {
    case 'forbidden':
      log.info({ mentorId: outcome.mentorId }, 'goal review refused: not the mentor');
      await tellPrivately(client, deps, where, onlyMentorMessage(outcome.mentorId));
      return;
    case 'missing':
      await tellPrivately(client, deps, where, goneMessage());
      return;
    case 'stale': {
      log.info({ goalId: outcome.details.goal.id, version: outcome.details.goal.version }, 'goal review on a stale message');
      const pressed = where.channelId && where.messageTs ? { channelId: where.channelId, ts: where.messageTs } : null;
      await refreshPressedMessage(client, outcome.details, pressed, log);
      await tellPrivately(client, deps, where, staleReviewMessage(outcome.details.goal));
      return;
    }
  }
}
