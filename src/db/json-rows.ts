import type { Selectable } from 'kysely';
import type { ActionItem, AgendaItem, Goal, GoalProgressItemsTable, Meeting, Pair, Person } from './schema';

/**
 * Rows read as JSON (`to_json`, `json_agg`: several reads answered by one statement) carry their
 * timestamps as ISO text, where pg would have given Dates. These turn a table's timestamp columns back
 * into Dates, so such a row is the same value a plain select returns. Local dates (`date`) stay text,
 * as pg is told to give them (src/db/create-db.ts); numbers and booleans are JSON's own.
 */
function reviver<T>(instants: readonly (keyof T & string)[]): (row: unknown) => T {
  return (row) => {
    const out = { ...(row as Record<string, unknown>) };
    for (const column of instants) {
      const value = out[column];
      if (typeof value === 'string') out[column] = new Date(value);
    }
    return out as T;
  };
}

export const meetingFromJson = reviver<Meeting>([
  'scheduled_at',
  'rescheduled_from',
  'notes_recorded_at',
  'agenda_shared_at',
  'reminders_planned_at',
  'created_at',
  'updated_at',
]);
export const agendaItemFromJson = reviver<AgendaItem>(['created_at']);
export const actionItemFromJson = reviver<ActionItem>(['done_at', 'created_at', 'overdue_nudged_at']);
export const personFromJson = reviver<Person>(['deactivated_at', 'erased_at', 'created_at', 'updated_at']);
export const pairFromJson = reviver<Pair>([
  'upcoming_valid_until',
  'wrap_up_planned_at',
  'invitation_expires_at',
  'paused_at',
  'ended_at',
  'created_at',
  'updated_at',
]);
export const goalFromJson = reviver<Goal>(['approved_at', 'achieved_at', 'created_at', 'updated_at']);
export const progressItemFromJson = reviver<Selectable<GoalProgressItemsTable>>(['updated_at']);
