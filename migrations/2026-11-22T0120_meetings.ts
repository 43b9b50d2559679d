import { type Kysely, sql } from 'kysely';

/**
 * Meetings: what the meeting cycle needs beyond the initial schema.
 *
 * - pairs.anchor_sequence: the meeting sequence number that `first_meeting_on` stands for. Changing
 *   the rhythm re-anchors the rule at the upcoming meeting without renumbering the meetings already
 *   held (meetings are unique per (pair_id, sequence)), so occurrence k of the rule is meeting
 *   anchor_sequence + k.
 * - agenda_items.action_item_id: an action item carried over onto a later agenda, so it can be ticked
 *   done from that agenda and shows as done there once ticked anywhere.
 * - meetings_pair_status: the "next meeting" and "last meeting" lookups filter on status and order by time.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table pairs add column anchor_sequence integer not null default 0 check (anchor_sequence >= 0)`.execute(db);
  await sql`alter table agenda_items add column action_item_id uuid references action_items(id) on delete cascade`.execute(db);
  await sql`create index agenda_items_action_item on agenda_items (action_item_id) where action_item_id is not null`.execute(db);
  await sql`create index meetings_pair_status_time on meetings (pair_id, status, scheduled_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists meetings_pair_status_time`.execute(db);
  await sql`drop index if exists agenda_items_action_item`.execute(db);
  await sql`alter table agenda_items drop column if exists action_item_id`.execute(db);
  await sql`alter table pairs drop column if exists anchor_sequence`.execute(db);
}
