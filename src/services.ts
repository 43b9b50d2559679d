import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { ProcessedEventsService } from './domain/events/processed-events.service';
import { PairsService } from './domain/pairs/pairs.service';
import { PeopleService } from './domain/people/people.service';

/** Every use case the Slack layer and the scheduler call, built once in the composition root. */
export interface Services {
  people: PeopleService;
  pairs: PairsService;
  processedEvents: ProcessedEventsService;
}

export function createServices(db: Kysely<Database>, clock: () => Date): Services {
  return {
    people: new PeopleService(db),
    pairs: new PairsService(db, clock),
    processedEvents: new ProcessedEventsService(db, clock),
  };
}
