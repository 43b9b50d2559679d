import type { WebClient } from '@slack/web-api';
import type { RequestActor } from './actor';
import { habitText } from './blocks/program-habits';
import type { AppDeps } from './context';
import { slackStanding } from './coordinators';
import { uploadToDm } from './dm-file';
import { habitChartPng } from './habit-chart';

/**
 * Renders the habits' chart for a coordinator and uploads it to their own DM with the bot, with the
 * figures as its text; the service refuses anyone else (a DomainError) before anything is read.
 */
export async function sendHabitChart(client: WebClient, deps: AppDeps, actor: RequestActor): Promise<void> {
  const { habits, now } = await deps.services.program.habits(actor, slackStanding(client));
  const bytes = habitChartPng(habits);
  const date = now.toISOString().slice(0, 10);
  await uploadToDm(client, deps.services.people, actor, {
    filename: `mentorship-habits-${date}.png`,
    bytes,
    title: `Mentorship program habits, ${date}`,
    comment: habitText(habits),
  });
  actor.log.info({ bytes: bytes.length }, 'habit chart sent');
}
