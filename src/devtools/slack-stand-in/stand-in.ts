/**
 * SlackStandIn: a local, in-memory Slack Web API for integration tests and `npm run demo`.
 * It answers like Slack (HTTP 200 + ok:false errors, Block Kit validation, trigger and view-stack rules)
 * and exposes synchronous reads of what each person would have seen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults';
import { Files, type StoredFile } from './files';
import { type Call, type Outcome, rateLimited, readArgs, runCall, send } from './http';
import { Ids } from './ids';
import { Messages } from './messages';
import { Modals } from './modals';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { ResponseUrls } from './response-urls';
import type { ApiResult, ChannelFixture, Fault, FaultPolicy, Json, RecordedCall, StoredMessage, StoredView, UserFixture } from './types';
import { apiError } from './types';
import { dmId, Workspace } from './workspace';
import { type InstallGrant, Tokens } from './tokens';
import { applyViewAck, type ViewAckResult } from './view-ack';

export interface StandInOptions {
  botToken: string;
  teamId: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Slack's trigger_id lifetime is 3 s; tests of expiry can shorten it. */
  triggerTtlMs?: number;
  /** Clock for trigger expiry, response_url lifetime, rate limits and ts values. */
  now?: () => number;
}

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  rateLimitedCount = 0;
  readonly baseUrl: string;
  readonly apiUrl: string;

  private readonly ws: Workspace;
  private readonly messages: Messages;
  readonly modals: Modals;
  private readonly responseUrls: ResponseUrls;
  private readonly faults = new Faults();
  private readonly files: Files;
  private limiter: RateLimiter | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Every bot token and the workspace it belongs to; "Add to Slack" and token rotation. */
  private readonly tokens: Tokens;
  private readonly methods: Record<string, (args: Json, teamId: string) => ApiResult>;
  /** Socket Mode: the app-level token apps.connections.open accepts, and the WebSocket URL it hands out. */
  private socketMode: { appToken: string; url: string } | undefined;

  static async start(opts: StandInOptions): Promise<SlackStandIn> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    return new SlackStandIn(opts, server);
  }

  private constructor(
    private readonly opts: StandInOptions,
    private readonly server: Server,
  ) {
    const now = opts.now ?? Date.now;
    const ids = new Ids(now);
    this.ws = new Workspace(opts.teamId);
    this.messages = new Messages(this.ws, ids);
    this.modals = new Modals(this.ws, ids, now, opts.triggerTtlMs ?? 3000);
    this.responseUrls = new ResponseUrls(now);
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.tokens = new Tokens(now);
    this.files = new Files(this.baseUrl);
    this.tokens.addBotToken(opts.botToken, opts.teamId);
    this.methods = {
      'auth.test': (_a, teamId) => ({ ...this.ws.authTest(), team_id: teamId, team: teamId }),
      'users.info': (a) => this.ws.usersInfo(a),
      'users.lookupByEmail': (a) => this.ws.usersLookupByEmail(a),
      'conversations.open': (a) => this.ws.conversationsOpen(a),
      'conversations.info': (a) => this.ws.conversationsInfo(a),
      'conversations.history': (a) => this.messages.history(a),
      'chat.postMessage': (a) => this.messages.postMessage(a),
      'chat.update': (a) => this.messages.update(a),
      'chat.postEphemeral': (a) => this.messages.postEphemeral(a),
      'views.open': (a) => this.modals.open(a),
      'views.push': (a) => this.modals.push(a),
      'views.update': (a) => this.modals.update(a),
      'views.publish': (a) => this.modals.publish(a),
      'files.getUploadURLExternal': (a) => this.files.getUploadUrl(a),
      'files.completeUploadExternal': (a) => this.completeUpload(a),
    };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((err: unknown) => send(res, { status: 500, body: { ok: false, error: String(err) } }));
    });
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- workspace fixtures -------------------------------------------------------------------------
  addUser(user: UserFixture): void {
    this.ws.addUser(user);
  }
  addChannel(channel: ChannelFixture): void {
    this.ws.addChannel(channel);
  }
  /** Changes a person as Slack would (made an admin, a new zone, deactivated); sending `user_change` is the caller's. */
  updateUser(id: string, patch: Partial<Omit<UserFixture, 'id'>>): void {
    const user = this.ws.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    this.ws.addUser({ ...user, ...patch });
  }
  /** The user object as users.info returns it (and as a `user_change` event carries it). */
  userObject(id: string): Json {
    const result = this.ws.usersInfo({ user: id });
    if (!result.ok) throw new Error(`no user ${id}`);
    return result.user as Json;
  }
  /** A user fixture as stored (with defaults applied), for the driver's payloads. */
  user(id: string): { id: string; name: string; realName: string } | undefined {
    return this.ws.users.get(id);
  }
  /** A channel fixture, for channel names in payloads. */
  channel(id: string): { id: string; name: string; isPrivate: boolean } | undefined {
    return this.ws.channels.get(id);
  }
  get teamId(): string {
    return this.opts.teamId;
  }
  /**
   * Accepts another workspace's bot token. Users and channels stay shared (ids must not collide);
   * what differs is the rate limit, which Slack keeps per workspace (benches of several workspaces).
   */
  addBotToken(token: string, teamId: string): void {
    this.tokens.addBotToken(token, teamId);
  }
  /** "Add to Slack": oauth.v2.access accepts these app credentials. */
  enableOAuth(clientId: string, clientSecret: string): void {
    this.tokens.enableOAuth(clientId, clientSecret);
  }
  /** The code Slack hands the app's redirect once a person consents to install it in `grant.teamId`. */
  issueOAuthCode(grant: InstallGrant): string {
    return this.tokens.issueCode(grant);
  }
  /** The app is uninstalled from the workspace: all its tokens stop working (token_revoked). */
  revokeTokensOf(teamId: string): void {
    this.tokens.revokeTeam(teamId);
  }
  /** The workspace's tokens that still work, oldest first. */
  tokensOf(teamId: string): string[] {
    return this.tokens.tokensOf(teamId);
  }
  /**
   * Socket Mode: apps.connections.open, called with this app-level token, answers with `url` (a WebSocket
   * server the test runs). As on Slack, it refuses a bot token, and an app-level token calls nothing else.
   */
  openSocketMode(appToken: string, url: string): void {
    this.socketMode = { appToken, url };
  }

  // ---- what Slack hands to the app with each interaction (used by the driver) -----------------------
  issueTriggerId(userId: string): string {
    return this.modals.issueTrigger(userId);
  }
  issueResponseUrl(userId: string, channelId: string, source?: { ts: string }): string {
    return `${this.baseUrl}/response/${this.responseUrls.issue(userId, channelId, source)}`;
  }
  /** Applies a view_submission ack to the user's modal stack, as Slack does after the app answers. */
  applyViewAck(userId: string, viewId: string, ack: Json | undefined): ViewAckResult {
    return applyViewAck(this.modals, userId, viewId, ack);
  }
  /** The user closed a view (X / Cancel): pops it, or the whole modal when clear_on_close. */
  closeView(userId: string, viewId: string): void {
    const view = this.modals.find(viewId);
    this.modals.close(userId, viewId, view?.clear_on_close ?? false);
  }
  /** What the user typed or picked, kept on the view as Slack keeps `view.state`. */
  setViewState(viewId: string, values: StoredView['state']['values']): void {
    const view = this.modals.find(viewId);
    if (view) view.state = { values };
  }
  findView(viewId: string): StoredView | undefined {
    return this.modals.find(viewId);
  }
  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.find(channelId, ts);
  }

  // ---- observation API (synchronous reads) ----------------------------------------------------------
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }
  /** Channel messages in posting order (oldest first), ephemerals excluded. */
  messagesIn(channelId: string): StoredMessage[] {
    return this.messages.all.filter((m) => m.channel === channelId && !m.ephemeralFor);
  }
  dmsTo(userId: string): StoredMessage[] {
    return this.messagesIn(dmId(userId));
  }
  ephemeralsFor(userId: string): StoredMessage[] {
    return this.messages.all.filter((m) => m.ephemeralFor === userId);
  }
  /** Everything posted, ephemerals included (flagged with `ephemeralFor`), in posting order. */
  allMessages(): StoredMessage[] {
    return [...this.messages.all];
  }
  openViews(userId: string): StoredView[] {
    return [...(this.modals.stacks.get(userId) ?? [])];
  }
  topView(userId: string): StoredView | undefined {
    return this.modals.stacks.get(userId)?.at(-1);
  }
  homeView(userId: string): StoredView | undefined {
    return this.modals.homes.get(userId);
  }
  /** Files shared in a user's DM with the bot (files.completeUploadExternal), oldest first. */
  filesTo(userId: string): StoredFile[] {
    return this.files.sharedIn(dmId(userId));
  }

  /** Forgets calls, messages, views, triggers, response_urls, faults and rate-limit state; keeps users and channels. */
  reset(): void {
    this.calls.length = 0;
    this.messages.all.length = 0;
    this.modals.reset();
    this.responseUrls.clear();
    this.faults.clear();
    this.limiter = undefined;
    this.rateLimitedCount = 0;
  }

  // ---- fault injection ------------------------------------------------------------------------------
  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }
  setFaultPolicy(policy: FaultPolicy | undefined): void {
    this.faults.setPolicy(policy);
  }
  enforceRateLimits(opts: RateLimitOptions | undefined): void {
    this.limiter = opts ? new RateLimiter(opts, this.opts.now ?? Date.now) : undefined;
  }

  // ---- HTTP -----------------------------------------------------------------------------------------
  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    if (req.method !== 'POST') return send(res, { status: 404, body: { ok: false, error: 'not_found' } });
    if (path.startsWith('/upload/')) return this.uploadCall(path.slice('/upload/'.length), req, res);
    const { args, token, encoding, refused } = await readArgs(req);
    const deps = {
      takeFault: (m: string, a: Json) => this.faults.take(m, a),
      record: (method: string, a: Json) => Object.assign(this.record(method, a), { encoding }),
      sleep: (ms: number) => this.sleep(ms),
    };
    if (path.startsWith('/response/')) return runCall(deps, this.responseUrlCall(path.slice('/response/'.length), args), req, res);
    if (!path.startsWith('/api/')) return send(res, { status: 404, body: { ok: false, error: 'not_found' } });
    const method = path.slice('/api/'.length);
    if (refused) {
      Object.assign(this.record(method, args), { encoding, error: refused });
      return send(res, { status: 200, body: apiError(refused) });
    }
    if (token !== undefined && (method === 'apps.connections.open' || token === this.socketMode?.appToken)) return this.appTokenCall(method, token, args, res);
    // The app's own credentials, not a token: the install's code exchange and token rotation.
    if (method === 'oauth.v2.access') return runCall(deps, { method, args, apply: () => ({ status: 200, body: this.tokens.oauthAccess(args) }) }, req, res);
    const handler = this.methods[method];
    const checked = token === undefined ? undefined : this.tokens.check(token);
    const early = !checked ? apiError('not_authed') : !checked.ok ? apiError(checked.error) : !handler ? apiError('unknown_method') : undefined;
    if (early || !handler || !checked?.ok) {
      Object.assign(this.record(method, args), { ok: false, error: early?.error });
      return send(res, { status: 200, body: early ?? apiError('unknown_method') });
    }
    const teamId = checked.teamId;
    // Recorded with the workspace whose token made the call, so tests can tell the workspaces apart.
    const call: Call = { method, args, teamId, apply: () => ({ status: 200, body: handler(args, teamId) }) };
    if (method === 'chat.postMessage') call.precheck = () => this.checkRateLimit(args, teamId);
    return runCall(deps, call, req, res);
  }

  /** The POST of a file's bytes to the URL files.getUploadURLExternal handed out (no token: the URL is the credential). */
  private async uploadCall(token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const outcome = this.files.upload(token, Buffer.concat(chunks));
    Object.assign(this.record('files.upload_url', { upload_url_id: token }), {
      ok: outcome.status === 200,
      error: outcome.status === 200 ? undefined : outcome.text,
    });
    res.writeHead(outcome.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(outcome.text);
  }

  /** Shares the uploaded files; in a conversation the bot may post in, they appear as one message with the comment. */
  private completeUpload(args: Json): ApiResult {
    return this.files.complete(args, (channel) => {
      const target = this.ws.target(channel);
      return target.ok ? { ok: true, channel: target.channel } : target;
    });
  }

  private appTokenCall(method: string, token: string, args: Json, res: ServerResponse): void {
    const appToken = token === this.socketMode?.appToken;
    const known = appToken || this.tokens.check(token).ok;
    const body = !known
      ? apiError('invalid_auth')
      : !appToken || method !== 'apps.connections.open'
        ? apiError('not_allowed_token_type')
        : { ok: true, url: this.socketMode!.url };
    Object.assign(this.record(method, args), { ok: body.ok, error: body.ok ? undefined : body.error });
    send(res, { status: 200, body });
  }

  private responseUrlCall(id: string, body: Json): Call {
    return {
      method: 'response_url',
      args: { ...body, response_url_id: id },
      apply: (): Outcome => {
        const entry = this.responseUrls.use(id);
        if ('error' in entry) return { status: 404, body: apiError(entry.error) };
        const result = this.messages.fromResponseUrl(body, entry.userId, entry.channelId, entry.source);
        return { status: result.ok ? 200 : 400, body: result };
      },
    };
  }

  private checkRateLimit(args: Json, teamId: string): Outcome | undefined {
    const wait = this.limiter?.take(String(args.team_id ?? teamId), String(args.channel ?? ''));
    if (!wait) return undefined;
    this.rateLimitedCount += 1;
    return rateLimited(wait.retryAfterSeconds);
  }

  private record(method: string, args: Json): RecordedCall {
    const rec: RecordedCall = { method, args, ok: false, at: new Date() };
    this.calls.push(rec);
    return rec;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}
