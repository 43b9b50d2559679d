import { sql } from 'kysely';
import { agendaItemFromJson, meetingFromJson } from '../../db/json-rows';
import type { AgendaItem, Meeting } from '../../db/schema';
import type { Executor } from '../../db/types';
import { MAX_AGENDA_ITEMS } from './agenda-lines';
import { PREPARED } from '../../db/prepared';

/** What recording a meeting's notes reads once the meeting is held: its agenda and the pair's next meeting. */
export interface NotesContext {
  /** The meeting's agenda in order (as listAgendaItems reads it). */
  agenda: AgendaItem[];
  /** The pair's next scheduled meeting after `now` (as upcomingMeeting reads it). */
  next: Meeting | undefined;
}

/**
 * Both reads in one statement (a statement costs the process more than the database spends on these
 * two small reads), with the filters and orders of listAgendaItems and upcomingMeeting. Run after the
 * next meeting's row is ensured, inside the transaction that holds the meeting's lock.
 */
export async function readNotesContext(db: Executor, meetingId: string, pairId: string, now: Date): Promise<NotesContext> {
  const { rows } = await sql<{ agenda: unknown[]; next: unknown }>`${PREPARED}
    select
      (select coalesce(json_agg(a order by a.position, a.created_at), '[]') from (
        select * from agenda_items where meeting_id = ${meetingId}::uuid order by position, created_at limit ${MAX_AGENDA_ITEMS}
      ) a) as agenda,
      (select to_json(m) from (
        select * from meetings
        where pair_id = ${pairId}::uuid and status = 'scheduled' and scheduled_at > ${now.toISOString()}::timestamptz
        order by scheduled_at limit 1
      ) m) as next`.execute(db);
  const row = rows[0]!;
  return { agenda: row.agenda.map(agendaItemFromJson), next: row.next ? meetingFromJson(row.next) : undefined };
}
