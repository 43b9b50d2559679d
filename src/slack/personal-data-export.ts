import type { WebClient } from '@slack/web-api';
import type { RequestActor } from './actor';
import type { PeopleService } from '../domain/people/people.service';
import type { PersonalDataService } from '../domain/personal-data/personal-data.service';
import { exportComment } from './blocks/mydata';
import { dmChannelOf } from './replies';

/**
 * Uploads the person's export to their own DM with the bot, as Slack takes files: ask for an upload
 * URL for the exact length, POST the bytes there (the URL is the credential, used once), then
 * complete the upload into the DM with the summary as its comment. This is the person's own answer
 * to their own request, never a message to anyone else, so it goes straight out with the request's
 * client rather than through the outbox (which would keep a copy of their data in the database).
 */
export async function sendExport(
  client: WebClient,
  services: { personalData: PersonalDataService; people: PeopleService },
  actor: RequestActor,
): Promise<void> {
  const { document, summary } = await services.personalData.exportFor(actor);
  const bytes = Buffer.from(JSON.stringify(document, null, 2), 'utf8');
  const filename = `mentorship-data-${actor.userId}-${document.exportedAt.slice(0, 10)}.json`;
  const channel = await dmChannelOf(client, services.people, actor.teamId, actor.userId);
  const upload = await client.files.getUploadURLExternal({ filename, length: bytes.length });
  if (!upload.upload_url || !upload.file_id) throw new Error('files.getUploadURLExternal returned no upload URL');
  const posted = await fetch(upload.upload_url, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  if (!posted.ok) throw new Error(`the file upload was refused (HTTP ${posted.status})`);
  await client.files.completeUploadExternal({
    files: [{ id: upload.file_id, title: 'Your mentorship data' }],
    channel_id: channel,
    initial_comment: exportComment(summary),
  });
  actor.log.info({ bytes: bytes.length }, 'data export sent');
}
