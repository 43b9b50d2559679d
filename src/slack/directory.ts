import type { WebClient } from '@slack/web-api';
import type { PickedUser } from '../domain/pairs/pair-rules';
import { slackErrorCode } from './slack-failure';

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
  return pickedUser(await slackUser(client, userId), userId);
}

/**
 * users.lookupByEmail (scope `users:read.email`): the person with that address, or null when Slack
 * knows none (`users_not_found`). Its `user` is the same object users.info returns.
 */
export async function lookupUserByEmail(client: WebClient, email: string): Promise<PickedUser | null> {
  try {
    const response = await client.users.lookupByEmail({ email });
    const user = (response.user ?? {}) as SlackUser;
    return user.id ? pickedUser(user, user.id) : null;
  } catch (error) {
    if (slackErrorCode(error) === 'users_not_found') return null;
    throw error;
  }
}

function pickedUser(user: SlackUser, userId: string): PickedUser {
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
