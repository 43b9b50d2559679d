import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { PairsService } from './domain/pairs/pairs.service';
import { PeopleService } from './domain/people/people.service';
import { RemindersService } from './scheduler/reminders.service';

/** Every use case the Slack layer and the scheduler call, built once in the composition root. */
export interface Services {
  people: PeopleService;
  pairs: PairsService;
  reminders: RemindersService;
}

export function createServices(db: Kysely<Database>, clock: () => Date): Services {
  return {
    people: new PeopleService(db),
    pairs: new PairsService(db, clock),
    reminders: new RemindersService(db, clock),
  };
}
