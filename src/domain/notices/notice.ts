import type { KnownBlock } from '@slack/types';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * A notice is a message the bot sends because somebody did something: an agenda shared, notes
 * recorded, a goal approved, a welcome, the pair's introduction in its goals channel. A reminder is
 * planned from the calendar instead. Both are rows of the outbox, and both are sent by the same
 * dispatcher (claim with a lease, fenced completion, reconciliation before any resend).
 *
 * A notice row is written in the same transaction as the change that causes it, so a committed
 * change always produces its messages, once, even if the process dies right after the commit.
 * The replica that served the request sends it at once (`NoticeSender.sendNow`); any replica's
 * scheduler pass sends it when that one could not.
 *
 * The message is rendered when the row is written (it says what happened, as it was then), so the
 * dispatcher only carries it: no notice is re-rendered from later state.
 */
export const NOTICE_KIND = 'notice';

/** Where a notice goes. */
export type NoticeTarget =
  /** The person's DM with the bot (opened once with conversations.open and remembered). */
  | { type: 'dm'; userId: string }
  /** A post in a conversation (the pair's goals channel). */
  | { type: 'channel'; channelId: string }
  /** A new version of a message the bot posted earlier (chat.update): idempotent, so never reconciled. */
  | { type: 'update'; channelId: string; ts: string };

/**
 * Something to record once a post has gone out, in the transaction that marks the row sent. The
 * dispatcher looks the hook up by name in the registry it is given (`NoticeHooks`), so the
 * scheduler never imports a feature.
 */
export interface NoticeOnPosted {
  hook: string;
  args: Record<string, string | number | null>;
}

/** The outbox row's payload for kind 'notice'. */
export interface NoticePayload {
  /** What the notice is about, for logs and metrics: 'agenda_shared', 'goal_approved', ... */
  topic: string;
  target: NoticeTarget;
  message: { text: string; blocks: KnownBlock[] };
  /** Unfurl links (true only for messages that carry a person's own links). Default false. */
  unfurl?: boolean;
  onPosted?: NoticeOnPosted;
  /** Sent instead when Slack refuses this one for good (see NoticeFallback). */
  fallback?: NoticeFallback;
}

/**
 * A notice to send when the one that carries it is refused for good (a channel the bot may not post
 * in): the person who caused it is told. Rendered with it, written as its own outbox row in the
 * transaction that marks the refused one failed, so it is sent once like any notice.
 */
export interface NoticeFallback {
  topic: string;
  target: NoticeTarget;
  message: { text: string; blocks: KnownBlock[] };
}

/** The fallback's dedupe key: at most one per refused notice, whichever attempt or replica saw the refusal. */
export const fallbackKey = (dedupeKey: string): string => `${dedupeKey}:fallback`;

/** A notice ready to be written: the outbox row's columns that matter. */
export interface NewNotice {
  teamId: string;
  /** The pair it belongs to, when it belongs to one (a row of a deleted pair goes with it). */
  pairId: string | null;
  meetingId: string | null;
  /** A user id for a DM, else the channel id. */
  recipientId: string;
  /** Unique over the outbox: the same notice written twice inserts once. */
  dedupeKey: string;
  /** Not before this instant (the end of the recipient's quiet hours), else now. */
  dueAt: Date;
  payload: NoticePayload;
}

/** Sends notices that were just committed, from the replica that committed them. Never throws. */
export interface NoticeSender {
  /**
   * `known`: the caller has just written these rows, all of this workspace and due at once, so the
   * sender need not ask the database which are (claiming them checks again anyway).
   */
  sendNow(outboxIds: readonly string[], known?: { teamId: string }): Promise<void>;
}

export const noNoticeSending: NoticeSender = { sendNow: async () => undefined };

/** What a notice's post left in Slack: where, and the message's `ts` (for a later chat.update). */
export interface NoticePosted {
  channelId: string;
  ts: string;
  /**
   * The dedupe key of the one notice a hook may write in reply (due at `at`, when the post was marked
   * sent). The sender that posted this one sends it straight after; otherwise the next pass does.
   */
  followUpKey: string;
  at: Date;
}

/** A hook's reply notice's dedupe key: at most one per posted notice, whichever attempt or replica ran the hook. */
export const followUpKey = (dedupeKey: string): string => `${dedupeKey}:follow-up`;

/**
 * Runs in the transaction that marks the notice sent, and only when that attempt still held the row
 * (so exactly once per notice), also when a post in doubt is found again by reconciliation.
 */
export type NoticeHook = (tx: Transaction<Database>, args: NoticeOnPosted['args'], posted: NoticePosted) => Promise<void>;

/** Hooks by name, handed to the dispatcher by the composition root. */
export type NoticeHooks = Readonly<Record<string, NoticeHook>>;
