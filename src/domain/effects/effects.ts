import type { Tx } from '../../db/types';
import type { DomainEvent } from './events';

/** What a committed change leaves for after the commit: the notices to send at once and the Home tabs that show it. */
export interface Recorded {
  teamId: string;
  outboxIds: string[];
  /**
   * Of outboxIds, those written due at once (the others wait for the end of someone's quiet hours),
   * when the writer knows: the sender claims these without first asking the database which are due.
   */
  dueNowIds?: string[];
  homeUsers: string[];
}

/**
 * The one way out of a use case. A service hands the events of a change to `record` inside its own
 * transaction; the implementation (src/slack/effects) writes the notices those events cause to the
 * outbox in that same transaction, and says whose Home tab shows the change. So a committed change
 * always has its messages, and a rolled-back one never does.
 */
export interface EffectsRecorder {
  record(tx: Tx, teamId: string, events: readonly DomainEvent[]): Promise<Recorded>;
}

/** A use case's answer, together with what its commit left to do (the adapter flushes it after the ack). */
export type WithEffects<T> = T & { effects: Recorded };
