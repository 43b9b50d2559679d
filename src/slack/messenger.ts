import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { PeopleService } from '../domain/people/people.service';

export interface OutgoingMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Sends a DM, opening the DM channel only the first time and remembering it. */
export async function sendDm(
  client: WebClient,
  people: PeopleService,
  teamId: string,
  userId: string,
  message: OutgoingMessage,
): Promise<{ channel: string; ts: string }> {
  let channel = await people.dmChannel(teamId, userId);
  if (!channel) {
    const opened = await client.conversations.open({ users: userId });
    channel = opened.channel?.id ?? null;
    if (!channel) throw new Error('conversations.open returned no channel');
    await people.rememberDmChannel(teamId, userId, channel);
  }
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  return { channel, ts: posted.ts ?? '' };
}

export async function postToChannel(client: WebClient, channel: string, message: OutgoingMessage): Promise<{ ts: string }> {
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  return { ts: posted.ts ?? '' };
}

/** The Slack error code of a failed Web API call, if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
