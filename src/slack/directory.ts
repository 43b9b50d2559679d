import type { WebClient } from '@slack/web-api';
import type { PickedUser } from '../domain/pairs/pair-rules';

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** What users.info tells about a person, in the shape the domain uses. */
export async function lookupUser(client: WebClient, userId: string): Promise<PickedUser> {
  const response = await client.users.info({ user: userId });
  const user = (response.user ?? {}) as SlackUser;
  // As Slack shows the person: their display name, else their real name. Never the handle (`name`),
  // which is lower case and not how anyone sees them.
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || userId;
  return {
    userId,
    displayName,
    realName: user.profile?.real_name || user.real_name || null,
    timeZone: user.tz || 'UTC',
    // Slackbot is not flagged is_bot but cannot be mentored either.
    isBot: Boolean(user.is_bot) || userId === 'USLACKBOT',
    deleted: Boolean(user.deleted),
  };
}
