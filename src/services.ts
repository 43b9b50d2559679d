import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { PairsService } from './domain/pairs/pairs.service';
import { PeopleService } from './domain/people/people.service';
import { FeedbackService } from './domain/feedback/feedback.service';
import { ResourcesService } from './domain/resources/resources.service';
import { JournalService } from './domain/journal/journal.service';
import { AppreciationService } from './domain/appreciation/appreciation.service';

/** Every use case the Slack layer and the scheduler call, built once in the composition root. */
export interface Services {
  people: PeopleService;
  pairs: PairsService;
  feedback: FeedbackService;
  resources: ResourcesService;
  journal: JournalService;
  appreciations: AppreciationService;
}

export function createServices(db: Kysely<Database>, clock: () => Date): Services {
  return {
    people: new PeopleService(db),
    pairs: new PairsService(db, clock),
    feedback: new FeedbackService(db, clock),
    resources: new ResourcesService(db, clock),
    journal: new JournalService(db, clock),
    appreciations: new AppreciationService(db, clock),
  };
}
