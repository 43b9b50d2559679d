import type { WebClient } from '@slack/web-api';
import type { RequestActor } from './actor';
import type { PeopleService } from '../domain/people/people.service';
import type { PersonalDataService } from '../domain/personal-data/personal-data.service';
import { exportComment } from './blocks/mydata';
import { uploadToDm } from './dm-file';

/** Sends the person's export to their own DM with the bot, with the summary as the file's comment. */
export async function sendExport(
  client: WebClient,
  services: { personalData: PersonalDataService; people: PeopleService },
  actor: RequestActor,
): Promise<void> {
  const { document, summary } = await services.personalData.exportFor(actor);
  const bytes = Buffer.from(JSON.stringify(document, null, 2), 'utf8');
  const filename = `mentorship-data-${actor.userId}-${document.exportedAt.slice(0, 10)}.json`;
  await uploadToDm(client, services.people, actor, { filename, bytes, title: 'Your mentorship data', comment: exportComment(summary) });
  actor.log.info({ bytes: bytes.length }, 'data export sent');
}
