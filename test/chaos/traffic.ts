import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { SlackDriver } from '../../src/devtools/slack-driver/driver';
import type { SlackStandIn } from '../../src/devtools/slack-stand-in';
import { AgendaModal, NotesModal, ThanksModal } from '../../src/slack/ids';

/**
 * The request side of the crash test: people use the bot while replicas are killed. Each session is
 * what a person does in Slack: a slash command that opens a modal, then the modal submitted, each
 * request sent to whichever replica is alive (as a load balancer would). A submission answered 200
 * was committed (view submissions run their change before the ack), so its notice must reach the
 * other person exactly once, whatever is killed afterwards.
 */
export type SessionKind = 'thanks' | 'agenda' | 'notes';

export interface Session {
  kind: SessionKind;
  userId: string;
  /** A unique word in the text typed, to find the change in the database afterwards. */
  marker: string;
  /** `acked`: the submission was answered 200 with no field error; the rest never reached a commit we know of. */
  outcome: 'acked' | 'field errors' | 'command failed' | 'no modal' | 'submit failed';
  /** The field errors, or the modal-less command's reply, for the report. */
  detail?: string;
}

export interface TrafficOptions {
  standIn: SlackStandIn;
  teamId: string;
  signingSecret: string;
  /** The events URLs of the replicas alive now. */
  liveUrls: () => string[];
  /** Who acts, one person per session (a person has one modal stack, so nobody acts twice at once). */
  actors: ReadonlyArray<{ userId: string; kind: SessionKind }>;
  perSecond: number;
  label: string;
}

const FIELD: Record<SessionKind, string> = {
  thanks: ThanksModal.blocks.message,
  agenda: AgendaModal.blocks.topics,
  notes: NotesModal.blocks.takeaways,
};

/** Starts sessions at a steady rate until `stop()`; resolves with every session once the last has finished. */
export function startTraffic(options: TrafficOptions): { stop: () => Promise<Session[]> } {
  const sessions: Array<Promise<Session>> = [];
  let stopped = false;
  const loop = (async () => {
    for (const [index, actor] of options.actors.entries()) {
      if (stopped) break;
      sessions.push(runSession(options, actor.kind, actor.userId, `chaos-${options.label}-${index}`));
      await sleep(1000 / options.perSecond);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return Promise.all(sessions);
    },
  };
}

async function runSession(options: TrafficOptions, kind: SessionKind, userId: string, marker: string): Promise<Session> {
  const done = (outcome: Session['outcome'], detail?: string): Session => ({ kind, userId, marker, outcome, ...(detail ? { detail } : {}) });
  const driver = () => {
    const urls = options.liveUrls();
    const appUrl = urls[Math.floor(Math.random() * urls.length)];
    return appUrl ? new SlackDriver({ appUrl, signingSecret: options.signingSecret, standIn: options.standIn, teamId: options.teamId }) : undefined;
  };
  const opened = await driver()
    ?.command(userId, kind, { channelId: `D${userId}` })
    .catch(() => undefined);
  if (opened?.status !== 200) return done('command failed');
  const view = await waitFor(() => options.standIn.topView(userId), 5_000);
  if (!view) return done('no modal', opened.text.slice(0, 200));
  const submitted = await driver()
    ?.submitView(userId, view, { [FIELD[kind]]: `Thank you, this helped (${marker})` })
    .catch(() => undefined);
  if (!submitted?.sent || submitted.status !== 200) return done('submit failed');
  return done(submitted.errors ? 'field errors' : 'acked', submitted.errors ? JSON.stringify(submitted.errors) : undefined);
}

async function waitFor<T>(read: () => T | undefined, ms: number): Promise<T | undefined> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined || Date.now() > until) return value;
    await sleep(20);
  }
}

/** The markers the database holds: the changes that committed, whatever their requests were answered. */
export async function committedMarkers(db: Kysely<Database>): Promise<Set<string>> {
  const pattern = '%(chaos-%';
  const found = await Promise.all([
    db.selectFrom('appreciations').select('message as text').where('message', 'like', pattern).execute(),
    db.selectFrom('agenda_items').select('body as text').where('body', 'like', pattern).execute(),
    db.selectFrom('meetings').select('takeaways as text').where('takeaways', 'like', pattern).execute(),
  ]);
  const markers = new Set<string>();
  for (const row of found.flat()) {
    const marker = /\((chaos-[^)]+)\)/.exec(row.text ?? '')?.[1];
    if (marker) markers.add(marker);
  }
  return markers;
}

/** Per outcome, how many sessions ended that way; and the acked submissions whose change is not in the database. */
export function sessionTally(
  sessions: readonly Session[],
  committed: ReadonlySet<string>,
): { outcomes: Record<string, number>; ackedNotCommitted: string[]; details: string[] } {
  const outcomes: Record<string, number> = {};
  for (const session of sessions) outcomes[`${session.kind} ${session.outcome}`] = (outcomes[`${session.kind} ${session.outcome}`] ?? 0) + 1;
  return {
    outcomes,
    ackedNotCommitted: sessions.filter((s) => s.outcome === 'acked' && !committed.has(s.marker)).map((s) => s.marker),
    details: sessions.flatMap((s) => (s.detail ? [`${s.kind} ${s.outcome}: ${s.detail}`] : [])),
  };
}
