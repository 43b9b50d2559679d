import type { WebClient } from '@slack/web-api';
import type { HomeService } from '../domain/home/home.service';
import type { ProgramSummary } from '../domain/program/overview';
import type { ProgramService } from '../domain/program/program.service';
import { type RememberedStandings, rememberedStandings, slackStanding } from './coordinators';
import type { WorkspaceStanding } from '../domain/pairs/coordinators';
import type { Logger } from '../logger';
import { homeView } from './blocks/home';
import { batchedWatchers } from './home-watchers';
import type { HomeRefresher } from './home-refresher';
import { slackErrorCode } from './slack-failure';
import { asJson } from './web-api-json';

/**
 * Publishes one person's dashboard. No `hash` is passed: the dashboard is rebuilt from the database
 * every time, so the newest publish is always the right one and a conflict would only lose it.
 */
export async function publishHome(client: WebClient, home: HomeService, teamId: string, userId: string, program?: ProgramService): Promise<void> {
  const [snapshot, counts] = await Promise.all([home.snapshot(teamId, userId), programCounts(slackStanding(client), program, teamId, userId)]);
  await client.views.publish({ user_id: userId, view: asJson(homeView(snapshot, counts)) });
}

/**
 * A coordinator's program counts and habits for their Home, or null (not a coordinator, or no program service
 * given). Best effort: if Slack cannot say who coordinates just now, the dashboard goes out without
 * the section rather than not at all.
 */
async function programCounts(slack: WorkspaceStanding, program: ProgramService | undefined, teamId: string, userId: string): Promise<ProgramSummary | null> {
  if (!program) return null;
  return program.homeSummary(teamId, userId, slack).catch(() => null);
}

/**
 * Publishes several people's dashboards from one read (HomeService.snapshots). Each publish fails on
 * its own: one refused views.publish does not keep the others from theirs.
 */
async function publishHomes(
  client: WebClient,
  home: HomeService,
  teamId: string,
  userIds: readonly string[],
  onError: (userId: string, error: unknown) => void,
  program: ProgramService | undefined,
  standings: RememberedStandings,
): Promise<void> {
  const snapshots = await home.snapshots(teamId, userIds);
  const slack = standings.of(teamId, client);
  await Promise.all(
    snapshots.map(async (snapshot) => {
      const counts = await programCounts(slack, program, teamId, snapshot.viewerId);
      await client.views
        .publish({ user_id: snapshot.viewerId, view: asJson(homeView(snapshot, counts)) })
        .catch((error: unknown) => onError(snapshot.viewerId, error));
    }),
  );
}

/** Production's window: at most one dashboard rebuild and views.publish per person in it. */
export const DEFAULT_HOME_WINDOW_MS = 2_000;

export interface HomeRefresherOptions {
  home: HomeService;
  /** Gives coordinators' dashboards their program section; without it no dashboard has one. */
  program?: ProgramService;
  /** The client for app-initiated calls to this workspace. */
  clientFor: (teamId: string) => Promise<WebClient> | WebClient;
  logger: Logger;
  /** At most one publish per person per window (default DEFAULT_HOME_WINDOW_MS). */
  windowMs?: number;
  /** Changes finished within this time share one read of who is watching (default DEFAULT_WATCHERS_BATCH_MS). */
  watchersBatchMs?: number;
}

interface Slot {
  teamId: string;
  userId: string;
  running: Promise<void> | null;
  /** A change arrived during the window: publish once more when it ends. */
  pending: boolean;
  windowEnds: NodeJS.Timeout | null;
}

/**
 * Republishes the Home of the people a change concerns who may be looking at it (they opened it or
 * pressed a button on it in the last HOME_WATCH_MS); the others' Home is built from the database when
 * they next open the tab, so a change costs no dashboard for someone who is not looking.
 *
 * Coalesces Home refreshes per person. The first change publishes at once; changes within the next
 * `windowMs` are folded into one more publish at the window's end, which reads the state as it is
 * then. So a burst of changes (ten goals approved, an agenda submitted again and again) costs each
 * person at most one dashboard rebuild and one views.publish per window, and the last one always
 * shows the latest state. In memory on purpose: a lost refresh is rebuilt the next time the person
 * opens the tab (app_home_opened).
 */
export function createHomeRefresher(options: HomeRefresherOptions): HomeRefresher {
  const windowMs = options.windowMs ?? DEFAULT_HOME_WINDOW_MS;
  const slots = new Map<string, Slot>();
  const standings = rememberedStandings();
  let stopped = false;

  const warn = (teamId: string, userId: string, error: unknown) =>
    options.logger.warn({ err: error, teamId, userId, code: slackErrorCode(error) }, 'home refresh failed');

  /** Publishes these people's dashboards (of one workspace) together, and opens each one's window. */
  const publish = (teamId: string, batch: Slot[]): Promise<void> => {
    const run = (async () => {
      const userIds = batch.map((slot) => slot.userId);
      try {
        await publishHomes(
          await options.clientFor(teamId),
          options.home,
          teamId,
          userIds,
          (userId, error) => warn(teamId, userId, error),
          options.program,
          standings,
        );
      } catch (error) {
        for (const userId of userIds) warn(teamId, userId, error);
      }
    })();
    for (const slot of batch) {
      const running: Promise<void> = run.finally(() => {
        if (slot.running === running) slot.running = null;
      });
      slot.running = running;
      slot.windowEnds = setTimeout(() => {
        void endWindow(slot);
      }, windowMs);
      slot.windowEnds.unref();
    }
    return run;
  };

  const endWindow = async (slot: Slot): Promise<void> => {
    slot.windowEnds = null;
    // A publish slower than the window ends first; changes that arrive meanwhile still count.
    await slot.running;
    if (slot.pending && !stopped) {
      slot.pending = false;
      await publish(slot.teamId, [slot]);
      return;
    }
    slots.delete(keyOf(slot.teamId, slot.userId));
  };

  /** A person within their window waits for its end; the others (usually both people of a change) publish at once, together. */
  const request = (teamId: string, userIds: readonly string[]): Promise<void> => {
    const fresh: Slot[] = [];
    for (const userId of new Set(userIds)) {
      const slot = slots.get(keyOf(teamId, userId));
      if (slot) {
        slot.pending = true;
        continue;
      }
      const created: Slot = { teamId, userId, running: null, pending: false, windowEnds: null };
      slots.set(keyOf(teamId, userId), created);
      fresh.push(created);
    }
    return fresh.length > 0 ? publish(teamId, fresh) : Promise.resolve();
  };

  const running = (): Promise<void>[] => [...slots.values()].flatMap((slot) => (slot.running ? [slot.running] : []));

  /** Only people who may have their Home on screen: everyone else's is built when they next open it. */
  const whoIsWatching = batchedWatchers((people) => options.home.watching(people), options.watchersBatchMs);
  const watching = (teamId: string, userIds: readonly string[]): Promise<string[]> =>
    whoIsWatching(userIds.map((userId) => ({ teamId, userId })))
      .then((people) => people.map((person) => person.userId))
      .catch((error: unknown) => {
        options.logger.warn({ err: error, teamId }, 'home refresh skipped: could not read who is watching');
        return [];
      });

  return {
    async refresh(teamId, userIds) {
      if (stopped) return;
      const watchers = await watching(teamId, userIds);
      if (watchers.length > 0 && !stopped) await request(teamId, watchers);
    },
    async idle() {
      while ([...slots.values()].some((slot) => slot.running !== null || slot.pending)) {
        await Promise.all(running());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async stop() {
      stopped = true;
      for (const slot of slots.values()) {
        if (slot.windowEnds) clearTimeout(slot.windowEnds);
        slot.pending = false;
      }
      await Promise.all(running());
      slots.clear();
    },
  };
}

const keyOf = (teamId: string, userId: string): string => `${teamId}:${userId}`;
