import type { Pair } from '../../src/db/schema';
import type { StoredMessage, StoredView } from '../../src/devtools/slack-stand-in';
import { PairModal } from '../../src/slack/ids';
import { buttons } from './goal-fixtures';
import { CHANNELS, type Harness } from './harness';
import { eventually } from './wait';

const { blocks: b } = PairModal;

/** Opens the set-up modal as `userId` and submits it; returns Slack's answer to the submission. */
export async function setUpPair(h: Harness, userId: string, inputs: { mentor: string; mentee: string } & Record<string, unknown>) {
  await h.driver.command(userId, 'pair');
  const view = await eventually(() => h.standIn.topView(userId));
  const { mentor, mentee, ...rest } = inputs;
  const result = await h.driver.submitView(userId, view, {
    [b.mentor]: mentor,
    [b.mentee]: mentee,
    [b.channel]: CHANNELS.goals.id,
    [b.cadence]: 'weekly',
    [b.firstDate]: '2026-12-01',
    [b.firstTime]: '10:00',
    [b.duration]: '45',
    [b.timeZone]: 'Europe/Berlin',
    [b.length]: '3',
    ...rest,
  });
  await h.settle();
  return result;
}

export async function pairOf(h: Harness, mentorId: string, menteeId: string): Promise<Pair | undefined> {
  return h.db.kysely
    .selectFrom('pairs')
    .selectAll()
    .where('mentor_id', '=', mentorId)
    .where('mentee_id', '=', menteeId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The newest DM to `userId` that carries a button `actionId`. */
export function dmWithButton(h: Harness, userId: string, actionId: string): StoredMessage | undefined {
  return h.standIn
    .dmsTo(userId)
    .filter((message) => buttons(message.blocks).some((button) => button.actionId === actionId))
    .at(-1);
}

/** The outbox's reminder rows of a pair that could still go out. */
export async function pendingReminders(h: Harness, pairId: string): Promise<Array<{ kind: string; recipient_id: string; due_at: Date }>> {
  return h.db.kysely
    .selectFrom('outbox')
    .select(['kind', 'recipient_id', 'due_at'])
    .where('pair_id', '=', pairId)
    .where('kind', '<>', 'notice')
    .where('state', '=', 'pending')
    .orderBy('due_at')
    .execute();
}

/** Presses a button in a message and waits for the modal it opens. */
export async function openFrom(h: Harness, userId: string, message: StoredMessage, actionId: string): Promise<StoredView> {
  const before = h.standIn.callsTo('views.open').length;
  const current = message.ephemeralFor ? message : (h.standIn.findMessage(message.channel, message.ts) ?? message);
  await h.driver.clickInMessage(userId, current, actionId);
  await eventually(() => h.standIn.callsTo('views.open').length > before);
  return eventually(() => h.standIn.topView(userId));
}

/** The person's `/mentorship status` reply (an ephemeral), once answered. */
export async function statusOf(h: Harness, userId: string): Promise<StoredMessage> {
  const before = h.standIn.ephemeralsFor(userId).length;
  await h.driver.command(userId, 'status');
  await h.settle();
  return eventually(() => h.standIn.ephemeralsFor(userId).slice(before).at(-1));
}
