import type { WebClient } from '@slack/web-api';
import type { RequestActor } from './actor';
import type { AppDeps } from './context';
import { slackStanding } from './coordinators';
import { uploadToDm } from './dm-file';
import { programCsv } from './program-csv';

/**
 * Builds the program's CSV for a coordinator and uploads it to their own DM with the bot; the
 * service refuses anyone else (a DomainError) before anything is read. Returns how many pairs it holds.
 */
export async function sendProgramCsv(client: WebClient, deps: AppDeps, actor: RequestActor): Promise<number> {
  const exported = await deps.services.program.exportPairs(actor, slackStanding(client));
  const bytes = Buffer.from(programCsv(exported), 'utf8');
  const date = exported.now.toISOString().slice(0, 10);
  const count = exported.pairs.length;
  await uploadToDm(client, deps.services.people, actor, {
    filename: `mentorship-program-${date}.csv`,
    bytes,
    title: `Mentorship program, ${date}`,
    comment: `The program's ${count} ${count === 1 ? 'pair' : 'pairs'} as of ${date}: states, dates, health and counts, never what a pair wrote.`,
  });
  actor.log.info({ pairs: count, bytes: bytes.length }, 'program csv sent');
  return count;
}
