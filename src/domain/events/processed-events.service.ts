import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordEvent } from './processed-events.repository';

/**
 * Events API de-duplication. Slack re-delivers an event (same `event_id`, `X-Slack-Retry-Num` 1..3)
 * when it did not see our 200 in time, and several replicas may each receive a copy: the primary key
 * on `event_id` lets exactly one delivery through, whichever process it reaches. The ids are purged
 * by the scheduler's housekeeping after the retention period (src/scheduler/housekeeping.ts).
 */
export class ProcessedEventsService {
  constructor(private readonly db: Kysely<Database>) {}

  /** True for the first delivery of an event, false for a retry or a copy already handled. */
  firstDelivery(eventId: string, teamId: string): Promise<boolean> {
    return recordEvent(this.db, eventId, teamId);
  }
}
