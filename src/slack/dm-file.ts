import type { WebClient } from '@slack/web-api';
import type { PeopleService } from '../domain/people/people.service';
import { dmChannelOf } from './replies';

/** A file for one person's DM with the bot, with the comment it arrives under. */
export interface DmFile {
  filename: string;
  bytes: Buffer;
  title: string;
  comment: string;
}

/**
 * Uploads a file to a person's own DM with the bot, as Slack takes files: ask for an upload URL for
 * the exact length, POST the bytes there (the URL is the credential, used once), then complete the
 * upload into the DM with its comment. Only for a person's own answer to their own request (their
 * data, a coordinator's CSV): it goes straight out with the request's client rather than through
 * the outbox, which would keep a copy of the file's contents in the database.
 */
export async function uploadToDm(client: WebClient, people: PeopleService, to: { teamId: string; userId: string }, file: DmFile): Promise<void> {
  const channel = await dmChannelOf(client, people, to.teamId, to.userId);
  const upload = await client.files.getUploadURLExternal({ filename: file.filename, length: file.bytes.length });
  if (!upload.upload_url || !upload.file_id) throw new Error('files.getUploadURLExternal returned no upload URL');
  const posted = await fetch(upload.upload_url, { method: 'POST', body: file.bytes, headers: { 'content-type': 'application/octet-stream' } });
  if (!posted.ok) throw new Error(`the file upload was refused (HTTP ${posted.status})`);
  await client.files.completeUploadExternal({
    files: [{ id: upload.file_id, title: file.title }],
    channel_id: channel,
    initial_comment: file.comment,
  });
}
