import type { Cadence, Pair } from '../../src/db/schema';
import type { StoredMessage } from '../../src/devtools/slack-stand-in';
import { BOT_TOKEN, type Harness, USERS } from './harness';

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
