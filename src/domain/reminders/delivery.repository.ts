import type { Goal, Meeting, OutboxRow, Pair, PairReflection, Person } from '../../db/schema';
import type { Executor } from '../../db/types';
import { otherMember } from '../pairs/membership';

/** What a reminder needs at send time: fresh state to check it is still due, and the content to show. */
export interface DeliveryContext {
  recipient: Person | undefined;
  other: Person | undefined;
  pair: Pair | undefined;
  meeting: Meeting | undefined;
  /** The open agenda items; a carried-over action item names itself (`actionItemId`), so it is listed once. */
  agenda: Array<{ kind: string; body: string; actionItemId: string | null }>;
  openActions: Array<{ id: string; body: string; due_on: string | null; owner_id: string }>;
  goal: Goal | undefined;
  resources: { total: number; explored: number };
  /** The recipient's closing reflection (check-ins only): do they still want them, their long-term goals. */
  reflection?: PairReflection;
}

const MAX_ITEMS = 10;

export async function loadDeliveryContext(db: Executor, row: OutboxRow): Promise<DeliveryContext> {
  const pair = row.pair_id ? await db.selectFrom('pairs').selectAll().where('id', '=', row.pair_id).executeTakeFirst() : undefined;
  const otherId = pair ? otherMember(pair, row.recipient_id) : undefined;
  const people = await db
    .selectFrom('people')
    .selectAll()
    .where('team_id', '=', row.team_id)
    .where('user_id', 'in', otherId ? [row.recipient_id, otherId] : [row.recipient_id])
    .execute();
  const meeting = row.meeting_id ? await db.selectFrom('meetings').selectAll().where('id', '=', row.meeting_id).executeTakeFirst() : undefined;
  const agenda = meeting
    ? await db
        .selectFrom('agenda_items')
        .select(['kind', 'body', 'action_item_id as actionItemId'])
        .where('meeting_id', '=', meeting.id)
        .where('resolved', '=', false)
        .orderBy('position')
        .orderBy('created_at')
        .limit(MAX_ITEMS)
        .execute()
    : [];
  const openActions = pair
    ? await db
        .selectFrom('action_items')
        .select(['id', 'body', 'due_on', 'owner_id'])
        .where('pair_id', '=', pair.id)
        .where('done_at', 'is', null)
        .orderBy('due_on', (ob) => ob.asc().nullsLast())
        .orderBy('created_at')
        .limit(MAX_ITEMS * 3)
        .execute()
    : [];
  const goalId = typeof row.payload.goalId === 'string' ? row.payload.goalId : undefined;
  const goal = goalId ? await db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst() : undefined;
  const resources = row.kind === 'mid_cycle' && pair ? await countResources(db, pair.id) : { total: 0, explored: 0 };
  const reflection =
    row.kind === 'check_in' && pair
      ? await db.selectFrom('pair_reflections').selectAll().where('pair_id', '=', pair.id).where('user_id', '=', row.recipient_id).executeTakeFirst()
      : undefined;
  return {
    reflection,
    recipient: people.find((person) => person.user_id === row.recipient_id),
    other: people.find((person) => person.user_id === otherId),
    pair,
    meeting,
    agenda,
    openActions,
    goal,
    resources,
  };
}

async function countResources(db: Executor, pairId: string): Promise<{ total: number; explored: number }> {
  const row = await db
    .selectFrom('learning_resources')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('explored_at').as('explored')])
    .where('pair_id', '=', pairId)
    .executeTakeFirst();
  return { total: Number(row?.total ?? 0), explored: Number(row?.explored ?? 0) };
}
