import type { WebClient } from '@slack/web-api';
import type { HomeService } from '../domain/home/home.service';
import type { Logger } from '../logger';
import { homeView } from './blocks/home';
import type { HomeRefresher } from './home-refresher';
import { slackErrorCode } from './messenger';

/**
 * Publishes one person's dashboard. No `hash` is passed: the dashboard is rebuilt from the database
 * every time, so the newest publish is always the right one and a conflict would only lose it.
 */
export async function publishHome(client: WebClient, home: HomeService, teamId: string, userId: string): Promise<void> {
  const snapshot = await home.snapshot(teamId, userId);
  await client.views.publish({ user_id: userId, view: homeView(snapshot) });
}

/**
 * The real HomeRefresher: republishes the Home tab of each person after a change they would see.
 * It never throws into the feature that called it (that change is already saved); failures are logged.
 */
export function createHomeRefresher(home: HomeService, logger: Logger): HomeRefresher {
  return {
    async refresh(client, teamId, userIds) {
      await Promise.all(
        [...new Set(userIds)].map((userId) =>
          publishHome(client, home, teamId, userId).catch((error: unknown) =>
            logger.warn({ err: error, teamId, userId, code: slackErrorCode(error) }, 'home refresh failed'),
          ),
        ),
      );
    },
  };
}
