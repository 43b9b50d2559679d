/**
 * File uploads the way Slack takes them since files.upload was retired: files.getUploadURLExternal
 * (a filename and the exact length in bytes) hands out a single-use upload URL; the bytes are POSTed
 * there; files.completeUploadExternal then shares the uploaded files in a conversation, with an
 * optional initial comment, as one message.
 */
import { randomBytes } from 'node:crypto';
import type { ApiResult, Json } from './types';
import { apiError } from './types';

export interface StoredFile {
  id: string;
  name: string;
  /** What getUploadURLExternal was told; the upload must be exactly this long. */
  length: number;
  title?: string;
  /** The bytes, once uploaded. */
  content?: Buffer;
  /** Where it was shared by files.completeUploadExternal. */
  channel?: string;
  initialComment?: string;
  completed: boolean;
}

/** Slack's limit for one file (1 GB). */
const MAX_LENGTH = 1024 * 1024 * 1024;

export class Files {
  readonly all = new Map<string, StoredFile>();
  /** Upload URL token → file id, until the URL is used once. */
  private readonly uploadUrls = new Map<string, string>();
  private counter = 0;

  constructor(private readonly baseUrl: string) {}

  getUploadUrl(args: Json): ApiResult {
    const filename = typeof args.filename === 'string' ? args.filename.trim() : '';
    const length = Number(args.length);
    if (!filename) return apiError('invalid_arguments');
    if (!Number.isInteger(length) || length <= 0) return apiError('invalid_arguments');
    if (length > MAX_LENGTH) return apiError('file_too_large');
    const id = `F${(++this.counter).toString(36).toUpperCase().padStart(10, '0')}`;
    const token = randomBytes(12).toString('hex');
    this.all.set(id, { id, name: filename, length, completed: false });
    this.uploadUrls.set(token, id);
    return { ok: true, upload_url: `${this.baseUrl}/upload/${token}`, file_id: id };
  }

  /** The POST to an upload URL: once only, and exactly the announced length. */
  upload(token: string, body: Buffer): { status: number; text: string } {
    const id = this.uploadUrls.get(token);
    if (!id) return { status: 404, text: 'upload URL unknown or already used' };
    this.uploadUrls.delete(token);
    const file = this.all.get(id)!;
    if (body.length !== file.length) return { status: 400, text: `length mismatch: announced ${file.length}, received ${body.length}` };
    file.content = body;
    return { status: 200, text: `OK - ${body.length}` };
  }

  /**
   * Completes the upload of `files` ([{ id, title? }]) and, with a `channel_id` the bot may post in,
   * shares them there. `canPost` answers for the channel (the workspace's own rules).
   */
  complete(args: Json, canPost: (channel: string) => { ok: true; channel: string } | { ok: false; error: string }): ApiResult {
    const list: unknown = typeof args.files === 'string' ? safeJson(args.files) : args.files;
    if (!Array.isArray(list) || list.length === 0) return apiError('invalid_arguments');
    const files: StoredFile[] = [];
    for (const entry of list as Json[]) {
      const file = typeof entry?.id === 'string' ? this.all.get(entry.id) : undefined;
      if (!file || file.completed || !file.content) return apiError('file_not_found');
      files.push(file);
    }
    let channel: string | undefined;
    if (args.channel_id !== undefined) {
      const target = canPost(String(args.channel_id));
      if (!target.ok) return apiError(target.error);
      channel = target.channel;
    }
    const comment = args.initial_comment === undefined ? undefined : String(args.initial_comment);
    if (comment !== undefined && comment.length > 40000) return apiError('msg_too_long');
    (list as Json[]).forEach((entry, index) => {
      const file = files[index]!;
      Object.assign(file, { completed: true, channel, initialComment: comment, title: typeof entry.title === 'string' ? entry.title : file.name });
    });
    return { ok: true, files: files.map((file) => ({ id: file.id, name: file.name, title: file.title, size: file.length })) };
  }

  /** Files shared in a conversation, in upload order. */
  sharedIn(channel: string): StoredFile[] {
    return [...this.all.values()].filter((file) => file.completed && file.channel === channel);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
