import { sql } from 'kysely';
import { actionItemFromJson, agendaItemFromJson, meetingFromJson, personFromJson } from '../../db/json-rows';
import type { ActionItem, AgendaItem, Meeting, Pair, Person } from '../../db/schema';
import type { Executor } from '../../db/types';
import { MAX_OPEN_ACTION_ITEMS } from './action-item-lines';
import { MAX_AGENDA_ITEMS } from './agenda-lines';
import { PREPARED } from '../../db/prepared';

/** Everything the agenda modal shows about one meeting, read together. */
export interface AgendaMaterial {
  /** The meeting asked for, or the pair's next one; undefined when there is none (or it is not the pair's). */
  meeting: Meeting | undefined;
  /** Its agenda in order (as listAgendaItems reads it). */
  items: AgendaItem[];
  /** The action items its carry-over items stand for. */
  linked: ActionItem[];
  /** The pair's open action items (as openActionItems reads them). */
  open: ActionItem[];
  /** The agenda of the last meeting held before it: where unresolved topics to follow up come from. */
  lastItems: AgendaItem[];
  /** Both people's rows, where known. */
  people: Person[];
}

/** Which meeting: a given one of the pair, or the pair's next one (scheduled, starting after `after`). */
export type MeetingWanted = { meetingId: string } | { nextAfter: Date };

/**
 * The agenda modal's reads (the meeting, its agenda and the action items it carries, the pair's open
 * action items, the last held meeting's agenda and both people) in one statement: each statement costs
 * the process far more CPU in the driver than the database spends on these small reads, and the modal
 * needs them all before `views.open`. The same filters and orders as the single-purpose reads in
 * meetings.repository, agenda.repository and action-items.repository.
 */
export async function readAgendaMaterial(
  db: Executor,
  pair: Pick<Pair, 'id' | 'team_id' | 'mentor_id' | 'mentee_id'>,
  wanted: MeetingWanted,
): Promise<AgendaMaterial> {
  const meeting =
    'meetingId' in wanted
      ? sql`select * from meetings where id = ${wanted.meetingId}::uuid and pair_id = ${pair.id}::uuid`
      : sql`select * from meetings
            where pair_id = ${pair.id}::uuid and status = 'scheduled' and scheduled_at > ${wanted.nextAfter.toISOString()}::timestamptz
            order by scheduled_at limit 1`;
  const { rows } = await sql<{ meeting: unknown; items: unknown[]; linked: unknown[]; open: unknown[]; last_items: unknown[]; people: unknown[] }>`${PREPARED}
    with wanted as (${meeting}),
    items as (
      select * from agenda_items where meeting_id = (select id from wanted) order by position, created_at limit ${MAX_AGENDA_ITEMS}
    ),
    last_held as (
      select id from meetings
      where pair_id = ${pair.id}::uuid and status = 'held' and scheduled_at < (select scheduled_at from wanted)
      order by scheduled_at desc limit 1
    ),
    last_items as (
      select * from agenda_items where meeting_id = (select id from last_held) order by position, created_at limit ${MAX_AGENDA_ITEMS}
    ),
    open_items as (
      select * from action_items where pair_id = ${pair.id}::uuid and done_at is null
      order by due_on asc nulls last, created_at limit ${MAX_OPEN_ACTION_ITEMS}
    )
    select
      (select to_json(wanted) from wanted) as meeting,
      (select coalesce(json_agg(items order by position, created_at), '[]') from items) as items,
      (select coalesce(json_agg(a), '[]') from action_items a
        where a.pair_id = ${pair.id}::uuid and a.id in (select action_item_id from items)) as linked,
      (select coalesce(json_agg(open_items order by due_on asc nulls last, created_at), '[]') from open_items) as open,
      (select coalesce(json_agg(last_items order by position, created_at), '[]') from last_items) as last_items,
      (select coalesce(json_agg(p), '[]') from people p
        where p.team_id = ${pair.team_id} and p.user_id in (${pair.mentor_id}, ${pair.mentee_id})) as people`.execute(db);
  const row = rows[0]!;
  return {
    meeting: row.meeting ? meetingFromJson(row.meeting) : undefined,
    items: row.items.map(agendaItemFromJson),
    linked: row.linked.map(actionItemFromJson),
    open: row.open.map(actionItemFromJson),
    lastItems: row.last_items.map(agendaItemFromJson),
    people: row.people.map(personFromJson),
  };
}
