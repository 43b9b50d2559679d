import { sql } from 'kysely';
import type { MeetingStatus, Pair } from '../../../src/db/schema';
import type { PickedUser } from '../../../src/domain/pairs/pair-rules';
import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { CHANNELS, type Harness } from '../../support/harness';

export interface Someone {
  id: string;
  realName: string;
  tz: string;
}

const picked = (user: Someone): PickedUser => ({ userId: user.id, displayName: user.realName, timeZone: user.tz, isBot: false, deleted: false });

/** A pair made through the pair service (its own feature is tested elsewhere); first meeting 1 Dec 2026 10:00 Berlin. */
export async function createPair(h: Harness, mentor: Someone, mentee: Someone): Promise<Pair> {
  const result = await h.bot.services.pairs.create(
    {
      teamId: 'T0TEST',
      createdBy: mentor.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      goalsChannelId: CHANNELS.goals.id,
      cadence: 'biweekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: picked(mentor), mentee: picked(mentee) },
  );
  if (!result.ok) throw new Error(`pair not created: ${JSON.stringify(result.errors)}`);
  return result.pair;
}

/** Adds a meeting to a pair (the meetings feature owns the real cycle; these tests only need rows). */
export async function addMeeting(
  h: Harness,
  pair: Pair,
  meeting: { sequence: number; at: string; status: MeetingStatus; feedbackFocus?: string },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes, status, feedback_focus)
    values (${pair.team_id}, ${pair.id}, ${meeting.sequence}, ${meeting.at}::timestamptz, 45, ${meeting.status}, ${meeting.feedbackFocus ?? null})
    returning id`.execute(h.db.kysely);
  return rows[0]!.id;
}

export async function count(h: Harness, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.db.kysely);
  return rows[0]?.n ?? -1;
}

/** Everything Slack would show of a message: its notification text and its blocks. */
export const shown = (message: StoredMessage | undefined): string => (message ? `${message.text}\n${JSON.stringify(message.blocks ?? [])}` : '');

/** What a person was sent anywhere: DMs and ephemeral messages. */
export function allSeenBy(h: Harness, userId: string): string {
  return [...h.standIn.dmsTo(userId), ...h.standIn.ephemeralsFor(userId)].map(shown).join('\n');
}

/** A button press as Slack would send it from the Home tab: published there first, then clicked. */
export async function publishHomeWithButton(h: Harness, userId: string, actionId: string, value: string) {
  await h.bot.slackApp.app.client.views.publish({
    user_id: userId,
    view: { type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: actionId, value }] }] },
  });
  return h.standIn.homeView(userId)!;
}

/** A message the bot could have posted in someone's DM, carrying a button (for presses from a DM). */
export async function postDmWithButton(h: Harness, userId: string, actionId: string, value: string): Promise<StoredMessage> {
  const posted = await h.bot.slackApp.app.client.chat.postMessage({
    channel: `D${userId}`,
    text: 'button',
    blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: actionId, value }] }],
  });
  return h.standIn.findMessage(`D${userId}`, posted.ts!)!;
}

/** The same button in an ephemeral message (Slack sends no `message` for those). */
export async function postEphemeralWithButton(h: Harness, userId: string, actionId: string, value: string): Promise<StoredMessage> {
  await h.bot.slackApp.app.client.chat.postEphemeral({
    channel: `D${userId}`,
    user: userId,
    text: 'button',
    blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: actionId, value }] }],
  });
  return h.standIn.ephemeralsFor(userId).at(-1)!;
}
