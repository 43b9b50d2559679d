/**
 * Shapes shared by the Slack stand-in modules. Stored messages and views keep Slack's own field names
 * (snake_case) so the driver can put them into payloads unchanged, the way Slack echoes them back.
 */

// Block Kit is deliberately loose here: the stand-in validates it, it must not assume it is valid.
export type Json = Record<string, any>;

export interface Problem {
  /** JSON pointer into the request, e.g. `/blocks/3/text/text` or `/view/title/text`. */
  pointer: string;
  message: string;
}

export interface UserFixture {
  id: string;
  /** The handle (users.info `name`): lower case, never what Slack shows as the person's name. */
  name: string;
  realName?: string;
  /** The display name the person chose; Slack leaves it empty until they do (then it shows the real name). */
  displayName?: string;
  tz?: string;
  /** The profile's email address (users.lookupByEmail, `profile.email` with `users:read.email`). */
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** Workspace admin / owner (users.info `is_admin`, `is_owner`). */
  isAdmin?: boolean;
  isOwner?: boolean;
}

export interface ChannelFixture {
  id: string;
  name: string;
  isPrivate?: boolean;
  botIsMember?: boolean;
}

export interface StoredMessage {
  type: 'message';
  /** Where it was posted (DM id for DMs). Not part of Slack's message object; the driver strips it. */
  channel: string;
  ts: string;
  text: string;
  blocks?: Json[];
  metadata?: Json;
  thread_ts?: string;
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  edited?: { user: string; ts: string };
  /** Set on ephemeral messages: the only user who sees it. */
  ephemeralFor?: string;
  /** How it arrived, for readable test failures and the demo. */
  via: 'api' | 'response_url';
}

export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  blocks: Json[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, Json>> };
  hash: string;
  title?: Json;
  submit?: Json | null;
  close?: Json | null;
  clear_on_close: boolean;
  notify_on_close: boolean;
  previous_view_id: string | null;
  root_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

export interface RecordedCall {
  method: string;
  /** Decoded arguments: `blocks`, `view`, `metadata`, `attachments` are parsed objects. */
  args: Json;
  ok: boolean;
  error?: string;
  at: Date;
  /** The workspace of the token that made the call. */
  teamId?: string;
  /** How the arguments came: a form post, or a JSON body. */
  encoding?: 'json' | 'form';
}

export type Fault =
  | { error: string }
  | { status: 429; retryAfterSeconds: number }
  | { status: 500; afterApplying?: boolean }
  /** No answer for `hangMs`, or until `release` settles if that comes first (a test choosing the moment). */
  | { hangMs: number; afterApplying?: boolean; release?: Promise<unknown> }
  | { dropConnection: true; afterApplying?: boolean };

export type FaultPolicy = (method: string, args: Json) => Fault | undefined;

/** What a Web API method handler answers; `ok: false` results are Slack's HTTP-200 errors. */
export type ApiResult = Json & { ok: boolean; error?: string };

export function apiError(error: string, problems: Problem[] = []): ApiResult {
  if (problems.length === 0) return { ok: false, error };
  return {
    ok: false,
    error,
    response_metadata: { messages: problems.map((p) => `[ERROR] ${p.message} [json-pointer:${p.pointer}]`) },
  };
}
