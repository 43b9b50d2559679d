import type { Cadence, Pair } from '../../src/db/schema';
import type { StoredMessage } from '../../src/devtools/slack-stand-in';
import { BOT_TOKEN, type Harness, USERS } from './harness';
import { eventually } from './wait';

type Fixture = (typeof USERS)[keyof typeof USERS];

/** A pair created straight through the service (the set-up modal has its own tests). */
export async function createPair(
  h: Harness,
  options: { mentor?: Fixture; mentee?: Fixture; cadence?: Cadence; firstDate?: string; time?: string; zone?: string; months?: number; minutes?: number } = {},
): Promise<Pair> {
  const mentor = options.mentor ?? USERS.mentor;
  const mentee = options.mentee ?? USERS.mentee;
  const picked = (user: Fixture) => ({ userId: user.id, displayName: user.name, realName: user.realName, timeZone: user.tz, isBot: false, deleted: false });
  const result = await h.bot.services.pairs.create(
    {
      teamId: h.standIn.teamId,
      createdBy: mentor.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      goalsChannelId: 'CGOALS',
      cadence: options.cadence ?? 'weekly',
      firstDate: options.firstDate ?? '2026-12-01',
      firstTime: options.time ?? '10:00',
      timeZone: options.zone ?? 'Europe/Berlin',
      meetingMinutes: options.minutes ?? 45,
      programMonths: options.months ?? 6,
    },
    { mentor: picked(mentor), mentee: picked(mentee) },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pair;
}

/**
 * A message with a given button, posted by the bot into someone's DM: how a test puts a button naming
 * another pair's meeting in front of a stranger (as a forged or forwarded payload would).
 */
export async function postButton(h: Harness, userId: string, actionId: string, value: string, options: { ephemeral?: boolean } = {}): Promise<StoredMessage> {
  const method = options.ephemeral ? 'chat.postEphemeral' : 'chat.postMessage';
  const response = await fetch(`${h.standIn.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      channel: userId,
      ...(options.ephemeral ? { user: userId } : {}),
      text: 'button',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: actionId, value, text: { type: 'plain_text', text: 'Press' } }] }],
    }),
  });
  const json = (await response.json()) as { ok: boolean; ts?: string; message_ts?: string; error?: string };
  if (!json.ok) throw new Error(`${method} failed: ${json.error}`);
  const ts = json.ts ?? json.message_ts;
  const message = h.standIn.allMessages().find((m) => m.ts === ts);
  if (!message) throw new Error('posted message not found');
  return message;
}

/** Everything a person was sent or shown since the last reset, as one string to search. */
export const seenBy = (h: Harness, userId: string): string =>
  [...h.standIn.dmsTo(userId), ...h.standIn.ephemeralsFor(userId)].map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`).join('\n');

export const meetingRows = (h: Harness, pairId: string) =>
  h.db.kysely.selectFrom('meetings').selectAll().where('pair_id', '=', pairId).orderBy('sequence').execute();

/**
 * A pair whose first meeting (1 Dec 2026, 09:00Z) has just ended, with the mentor's notes recorded from
 * `inputs`: at 14:00Z neither of them is in quiet hours, so both summaries go out at once. The stand-in is
 * reset first, so the mentee's last DM is the summary.
 */
export async function pairWithNotes(h: Harness, inputs: Record<string, unknown>): Promise<{ pair: Pair; meetingId: string; summary: StoredMessage }> {
  h.clock.set('2026-11-23T14:00:00Z');
  const pair = await createPair(h);
  h.clock.set('2026-12-01T14:00:00Z');
  const [first] = await meetingRows(h, pair.id);
  await h.settle();
  h.standIn.reset();
  await h.driver.command(USERS.mentor.id, 'notes');
  const view = await eventually(() => h.standIn.topView(USERS.mentor.id));
  await h.driver.submitView(USERS.mentor.id, view, inputs);
  const summary = await eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1));
  await h.settle();
  return { pair, meetingId: first!.id, summary };
}
