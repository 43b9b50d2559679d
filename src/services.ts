import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { AgendaService } from './domain/meetings/agenda.service';
import { MeetingsService } from './domain/meetings/meetings.service';
import { NotesService } from './domain/meetings/notes.service';
import { PairsService } from './domain/pairs/pairs.service';
import { PeopleService } from './domain/people/people.service';

/** Every use case the Slack layer and the scheduler call, built once in the composition root. */
export interface Services {
  people: PeopleService;
  pairs: PairsService;
  meetings: MeetingsService;
  agendas: AgendaService;
  notes: NotesService;
}

export function createServices(db: Kysely<Database>, clock: () => Date): Services {
  return {
    people: new PeopleService(db),
    pairs: new PairsService(db, clock),
    meetings: new MeetingsService(db, clock),
    agendas: new AgendaService(db, clock),
    notes: new NotesService(db, clock),
  };
}
