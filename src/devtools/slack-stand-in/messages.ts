/**
 * Messages: chat.postMessage / update / postEphemeral, conversations.history, and what response_urls
 * post. Everything is kept in one list in posting order (ephemerals included, flagged) so the demo can
 * replay the conversation as each person saw it.
 */
import { validateBlocks } from './blocks';
import { type Ids, withGeneratedIds } from './ids';
import type { ApiResult, Json, StoredMessage } from './types';
import { apiError } from './types';
import { APP_ID, BOT_ID, BOT_USER_ID, type Workspace } from './workspace';

const MAX_TEXT = 40000;

export class Messages {
  readonly all: StoredMessage[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly ids: Ids,
  ) {}

  postMessage(args: Json): ApiResult {
    const target = this.ws.target(args.channel);
    if (!target.ok) return apiError(target.error);
    const bad = checkContent(args);
    if (bad) return bad;
    if (args.thread_ts !== undefined && !this.find(target.channel, String(args.thread_ts))) return apiError('thread_not_found');
    const m = this.store(target.channel, args, 'api');
    return { ok: true, channel: m.channel, ts: m.ts, message: toSlackMessage(m, true) };
  }

  update(args: Json): ApiResult {
    const m = this.find(String(args.channel ?? ''), String(args.ts ?? ''));
    if (!m || m.ephemeralFor) return apiError(m ? 'cant_update_message' : 'message_not_found');
    const bad = checkContent({ text: args.text ?? m.text, blocks: args.blocks ?? m.blocks, attachments: args.attachments });
    if (bad) return bad;
    this.edit(m, args);
    return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: toSlackMessage(m, true) };
  }

  postEphemeral(args: Json): ApiResult {
    const target = this.ws.target(args.channel);
    if (!target.ok) return apiError(target.error);
    const user = this.ws.users.get(String(args.user ?? ''));
    if (!user) return apiError('user_not_found');
    if (target.dmUser && target.dmUser !== user.id) return apiError('user_not_in_channel');
    const bad = checkContent(args);
    if (bad) return bad;
    const m = this.store(target.channel, args, 'api', user.id);
    return { ok: true, message_ts: m.ts };
  }

  /**
   * conversations.history as Slack serves it to a bot: a DM or a channel the bot is in (a private one
   * it is not in does not exist for it), top-level messages newest first, between `oldest` and
   * `latest` (exclusive unless `inclusive`), a page of `limit` with a cursor to the next.
   */
  history(args: Json): ApiResult {
    const target = this.ws.target(args.channel);
    if (!target.ok || String(args.channel).startsWith('U')) return apiError(target.ok ? 'channel_not_found' : target.error);
    const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
    const withMeta = truthy(args.include_all_metadata);
    const inclusive = truthy(args.inclusive);
    const oldest = args.oldest === undefined || args.oldest === '' ? -1n : micros(args.oldest);
    const latest = args.latest === undefined || args.latest === '' ? BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n : micros(args.latest);
    if (oldest === undefined) return apiError('invalid_ts_oldest');
    if (latest === undefined) return apiError('invalid_ts_latest');
    const offset = args.cursor ? decodeCursor(String(args.cursor)) : 0;
    if (offset === undefined) return apiError('invalid_cursor');
    const after = (ts: bigint) => (inclusive ? ts >= oldest : ts > oldest);
    const before = (ts: bigint) => (inclusive ? ts <= latest : ts < latest);
    // History lists top-level messages only (thread replies live in conversations.replies), newest first.
    const top = this.all
      .filter((m) => m.channel === target.channel && !m.ephemeralFor && (!m.thread_ts || m.thread_ts === m.ts) && after(micros(m.ts)!) && before(micros(m.ts)!))
      .reverse();
    const page = top.slice(offset, offset + limit);
    const more = top.length > offset + limit;
    return {
      ok: true,
      messages: page.map((m) => toSlackMessage(m, withMeta)),
      has_more: more,
      pin_count: 0,
      response_metadata: { next_cursor: more ? encodeCursor(offset + limit) : '' },
    };
  }

  /** A response_url post: a new message, or an edit/delete of the message the URL came from. */
  fromResponseUrl(body: Json, userId: string, channel: string, source?: { ts: string }): ApiResult {
    const original = source ? this.find(channel, source.ts) : undefined;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original) this.all.splice(this.all.indexOf(original), 1);
      return { ok: true };
    }
    const bad = checkContent(body);
    if (bad) return bad;
    if ((body.replace_original === true || body.replace_original === 'true') && original) {
      this.edit(original, body);
      return { ok: true };
    }
    this.store(channel, body, 'response_url', body.response_type === 'in_channel' ? undefined : userId);
    return { ok: true };
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.all.find((m) => m.channel === channel && m.ts === ts);
  }

  private store(channel: string, args: Json, via: StoredMessage['via'], ephemeralFor?: string): StoredMessage {
    const m: StoredMessage = {
      type: 'message',
      channel,
      ts: this.ids.ts(),
      text: String(args.text ?? ''),
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      app_id: APP_ID,
      team: this.ws.teamId,
      via,
    };
    if (args.blocks !== undefined) m.blocks = withGeneratedIds(args.blocks, this.ids);
    if (args.metadata !== undefined) m.metadata = args.metadata;
    if (args.thread_ts !== undefined) m.thread_ts = String(args.thread_ts);
    if (ephemeralFor) m.ephemeralFor = ephemeralFor;
    this.all.push(m);
    return m;
  }

  private edit(m: StoredMessage, args: Json): void {
    if (args.text !== undefined) m.text = String(args.text);
    // Slack keeps the previous blocks when an update omits them.
    if (args.blocks !== undefined) m.blocks = withGeneratedIds(args.blocks, this.ids);
    if (args.metadata !== undefined) m.metadata = args.metadata;
    m.edited = { user: BOT_USER_ID, ts: this.ids.ts() };
  }
}

/** Slack's message object: without the stand-in's bookkeeping, metadata only when asked for. */
export function toSlackMessage(m: StoredMessage, withMetadata: boolean): Json {
  const { channel: _c, ephemeralFor: _e, via: _v, metadata, ...rest } = m;
  return withMetadata && metadata !== undefined ? { ...rest, metadata } : rest;
}

const truthy = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;
/** A ts ('seconds.micro') as microseconds, exactly (a double loses the last digits). */
function micros(ts: unknown): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(String(ts));
  return match ? BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0')) : undefined;
}
const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64');
function decodeCursor(cursor: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function checkContent(args: Json): ApiResult | undefined {
  const text = args.text === undefined || args.text === null ? '' : String(args.text);
  if (text.length > MAX_TEXT) return apiError('msg_too_long');
  if (args.blocks !== undefined) {
    if (!Array.isArray(args.blocks)) return apiError('invalid_blocks_format');
    const problems = validateBlocks(args.blocks, 'message');
    if (problems.length > 0) return apiError('invalid_blocks', problems);
  }
  if (args.attachments !== undefined && Array.isArray(args.attachments) && args.attachments.length > 100) return apiError('too_many_attachments');
  const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
  if (!text && !hasBlocks && !(Array.isArray(args.attachments) && args.attachments.length > 0)) return apiError('no_text');
  if (args.metadata !== undefined && (typeof args.metadata !== 'object' || typeof args.metadata?.event_type !== 'string')) {
    return apiError('invalid_metadata_format');
  }
  return undefined;
}
