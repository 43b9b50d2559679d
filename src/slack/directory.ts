import type { WebClient } from '@slack/web-api';
import type { PickedUser } from '../domain/pairs/pair-rules';

/** The fields of users.info's `user` the bot reads. */
interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** users.info, once, for everything the bot asks Slack about a person. */
export async function slackUser(client: WebClient, userId: string): Promise<SlackUser> {
  const response = await client.users.info({ user: userId });
  return response.user ?? {};
}

/** Slackbot is not flagged is_bot, but can neither be mentored nor coordinate. */
export const isBotUser = (user: SlackUser, userId: string): boolean => Boolean(user.is_bot) || userId === 'USLACKBOT';

/** What users.info tells about a person, in the shape the domain uses. */
export async function lookupUser(client: WebClient, userId: string): Promise<PickedUser> {
  const user = await slackUser(client, userId);
  // As Slack shows the person: their display name, else their real name. Never the handle (`name`),
  // which is lower case and not how anyone sees them.
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || userId;
  return {
    userId,
    displayName,
    realName: user.profile?.real_name || user.real_name || null,
    timeZone: user.tz || 'UTC',
    isBot: isBotUser(user, userId),
    deleted: Boolean(user.deleted),
  };
}
