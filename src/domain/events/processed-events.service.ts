import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { purgeEvents, recordEvent } from './processed-events.repository';

/** Slack retries an event for at most about 5 minutes; a day of ids is ample and keeps the table small. */
export const KEEP_EVENT_IDS_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Events API de-duplication. Slack re-delivers an event (same `event_id`, `X-Slack-Retry-Num` 1..3)
 * when it did not see our 200 in time, and several replicas may each receive a copy: the primary key
 * on `event_id` lets exactly one delivery through, whichever process it reaches.
 */
export class ProcessedEventsService {
  private lastPurgeAt = -Infinity;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** True for the first delivery of an event, false for a retry or a copy already handled. */
  async firstDelivery(eventId: string, teamId: string): Promise<boolean> {
    const first = await recordEvent(this.db, eventId, teamId);
    // Purging on the insert path, at most hourly per process, needs no scheduler and costs one
    // small delete now and then; the table holds about a day of events.
    const now = this.clock().getTime();
    if (first && now - this.lastPurgeAt >= PURGE_EVERY_MS) {
      this.lastPurgeAt = now;
      await this.purge();
    }
    return first;
  }

  purge(): Promise<number> {
    return purgeEvents(this.db, KEEP_EVENT_IDS_MS);
  }
}
