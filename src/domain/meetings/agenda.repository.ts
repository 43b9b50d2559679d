import type { Insertable } from 'kysely';
import type { AgendaItem, AgendaItemsTable } from '../../db/schema';
import type { Executor } from '../../db/types';
import { MAX_AGENDA_ITEMS } from './agenda-lines';

/** A meeting's agenda in order: at most MAX_AGENDA_ITEMS (more are refused when added). */
export async function listAgendaItems(db: Executor, meetingId: string): Promise<AgendaItem[]> {
  return db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('created_at')
    .limit(MAX_AGENDA_ITEMS)
    .execute();
}

/**
 * Appends after the items already there, keeping the order they were given in. `existing`: the agenda
 * as listAgendaItems read it in this transaction (under the meeting's lock), which saves reading the
 * last position again; a list cut at MAX_AGENDA_ITEMS may not hold the last one, so it is read then.
 */
export async function appendAgendaItems(
  db: Executor,
  meetingId: string,
  items: ReadonlyArray<Omit<Insertable<AgendaItemsTable>, 'position' | 'meeting_id'>>,
  existing?: ReadonlyArray<Pick<AgendaItem, 'position'>>,
): Promise<AgendaItem[]> {
  if (items.length === 0) return [];
  const last =
    existing && existing.length < MAX_AGENDA_ITEMS
      ? existing.reduce<number | null>((max, item) => (max === null || item.position > max ? item.position : max), null)
      : (
          await db
            .selectFrom('agenda_items')
            .select((eb) => eb.fn.max<number | null>('position').as('max'))
            .where('meeting_id', '=', meetingId)
            .executeTakeFirst()
        )?.max;
  const start = (last ?? -1) + 1;
  return db
    .insertInto('agenda_items')
    .values(items.map((item, index) => ({ ...item, meeting_id: meetingId, position: start + index })))
    .returningAll()
    .execute();
}

/** Records which agenda items the meeting covered; the rest stay open and carry over to the next agenda. */
export async function setAgendaResolved(db: Executor, meetingId: string, covered: readonly string[], notCovered: readonly string[]): Promise<void> {
  if (covered.length > 0)
    await db
      .updateTable('agenda_items')
      .set({ resolved: true })
      .where('meeting_id', '=', meetingId)
      .where('id', 'in', [...covered])
      .execute();
  if (notCovered.length > 0) {
    await db
      .updateTable('agenda_items')
      .set({ resolved: false })
      .where('meeting_id', '=', meetingId)
      .where('id', 'in', [...notCovered])
      .execute();
  }
}
