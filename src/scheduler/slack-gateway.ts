import { LogLevel, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger';
import type { Message } from '../slack/blocks/help';
import { asJson } from '../slack/web-api-json';

/** The Slack calls the dispatcher makes, behind an interface so a bench or a unit test can fake them. */
export interface ReminderSlack {
  openDm(userId: string): Promise<string>;
  /** Stamped with the outbox row (reminder or notice) and attempt; links unfurl only when asked. */
  post(channel: string, message: Message, stamp: { reminderId: string; attempt: number }, options?: { unfurl?: boolean }): Promise<{ ts: string | null }>;
  /** A new version of a message the bot posted (a notice of type 'update'). */
  update(channel: string, ts: string, message: Message): Promise<void>;
  /** Our own message for this reminder in the DM, found by its metadata; null when it is not there. */
  findPosted(channel: string, reminderId: string, since: Date): Promise<{ ts: string; attempt: number | null } | null>;
}

export const REMINDER_EVENT_TYPE = 'mentorship_reminder';

/**
 * The reminder client: SDK retries off (a retried chat.postMessage can post twice, and retries spread
 * over 30 minutes outlive any lease), 429s surfaced instead of pausing the client, and a timeout so a
 * hung call ends well inside the lease.
 */
export function createReminderClient(options: { token: string; apiUrl: string; timeoutMs: number; logger?: Logger }): WebClient {
  return new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    // Through pino with private text and tokens scrubbed (logger.ts); without one, errors only, on the console.
    ...(options.logger ? { logger: boltLogger(options.logger, 'reminder-client') } : { logLevel: LogLevel.ERROR }),
  });
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { reminder_id?: unknown; attempt?: unknown } };
}

const HISTORY_PAGES = 5;

export function webClientReminderSlack(client: WebClient): ReminderSlack {
  return {
    async openDm(userId) {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      return channel;
    },
    async post(channel, message, stamp, options = {}) {
      const unfurl = options.unfurl ?? false;
      const posted = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: asJson(message.blocks),
        metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { reminder_id: stamp.reminderId, attempt: stamp.attempt } },
        unfurl_links: unfurl,
        unfurl_media: unfurl,
      });
      return { ts: posted.ts ?? null };
    },
    async update(channel, ts, message) {
      // No metadata: the message keeps the stamp of the post that created it.
      await client.chat.update({ channel, ts, text: message.text, blocks: asJson(message.blocks) });
    },
    async findPosted(channel, reminderId, since) {
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page += 1) {
        const history = await client.conversations.history({
          channel,
          oldest: (since.getTime() / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const message of (history.messages ?? []) as HistoryMessage[]) {
          const meta = message.metadata;
          if (meta?.event_type === REMINDER_EVENT_TYPE && meta.event_payload?.reminder_id === reminderId && message.ts) {
            return { ts: message.ts, attempt: typeof meta.event_payload.attempt === 'number' ? meta.event_payload.attempt : null };
          }
        }
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) break;
      }
      return null;
    },
  };
}
