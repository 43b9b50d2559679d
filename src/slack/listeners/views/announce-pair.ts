import type { WebClient } from '@slack/web-api';
import type { Pair } from '../../../db/schema';
import type { PickedUser } from '../../../domain/pairs/pair-rules';
import { channelIntroMessage, introFailedMessage, welcomeMessage } from '../../blocks/pair-messages';
import type { AppDeps } from '../../context';
import { postToChannel, sendDm, slackErrorCode } from '../../messenger';

interface Created {
  pair: Pair;
  firstMeetingAt: Date;
  createdBy: string;
  people: { mentor: PickedUser; mentee: PickedUser };
}

/**
 * After the ack: welcome both people (each sees the first meeting in their own zone) and introduce
 * the pair in its goals channel. A failure here never undoes the pair; the creator is told instead.
 */
export async function announcePair(client: WebClient, deps: AppDeps, created: Created): Promise<void> {
  const { pair, people } = created;
  const { people: peopleService } = deps.services;
  const log = deps.logger.child({ pairId: pair.id });
  // Both Home tabs show the new pair right away; the refresher logs its own failures and never throws.
  await deps.home.refresh(pair.team_id, [pair.mentor_id, pair.mentee_id]);
  for (const person of [people.mentor, people.mentee]) {
    const message = welcomeMessage(pair, { userId: person.userId, timeZone: person.timeZone }, created.firstMeetingAt);
    await sendDm(client, peopleService, pair.team_id, person.userId, message).catch((error: unknown) =>
      log.warn({ err: error, userId: person.userId, code: slackErrorCode(error) }, 'welcome DM failed'),
    );
  }
  try {
    await postToChannel(client, pair.goals_channel_id, channelIntroMessage(pair));
  } catch (error) {
    log.warn({ code: slackErrorCode(error) }, 'goals channel introduction failed');
    await sendDm(client, peopleService, pair.team_id, created.createdBy, introFailedMessage(pair.goals_channel_id)).catch(() => undefined);
  }
}
