/**
 * SlackDriver plays Slack's side towards the app: it builds the payloads Slack sends (slash commands,
 * block_actions, view_submission, view_closed, events), signs them, posts them to the app, and applies
 * the app's answers to the stand-in (e.g. a view_submission ack closing or updating the modal).
 */
import { randomBytes } from 'node:crypto';
import { dmId, type Json, type SlackStandIn, type StoredMessage, type StoredView, toSlackMessage } from '../slack-stand-in';
import { actionFor, type Choice, findElement } from './elements';
import { signRequest } from './sign';
import { buildSubmission } from './submission';

export interface DriverOptions {
  /** e.g. 'http://127.0.0.1:PORT/slack/events' */
  appUrl: string;
  signingSecret: string;
  standIn: SlackStandIn;
  teamId: string;
  apiAppId?: string;
  teamDomain?: string;
  /** The slash command name, '/mentorship' by default. */
  command?: string;
}

export interface AppResponse {
  status: number;
  text: string;
  json?: any;
  /** Slack gives up after 3 s (the user sees an error); tests can assert the app answered in time. */
  elapsedMs: number;
}

export interface SubmitResult extends AppResponse {
  /** False when Slack's client would not have sent it (a required field empty, too long…): see clientErrors. */
  sent: boolean;
  clientErrors?: Record<string, string>;
  /** The app's `response_action: 'errors'` object, keyed by block_id. */
  errors?: Record<string, string>;
  /** Set when the app's ack is one Slack would refuse (bad view, unknown response_action…). */
  ackProblem?: { error: string; messages?: string[] };
}

export interface RawOptions {
  contentType: string;
  headers?: Record<string, string>;
  /** true (default) signs with the driver's secret now; false sends no signature headers. */
  sign?: boolean | { secret?: string; timestamp?: number };
}

const FORM = 'application/x-www-form-urlencoded'; // exactly this: Bolt 400s on '; charset=utf-8'

export class SlackDriver {
  private readonly apiAppId: string;
  private readonly teamDomain: string;

  constructor(private readonly opts: DriverOptions) {
    this.apiAppId = opts.apiAppId ?? 'A0001';
    this.teamDomain = opts.teamDomain ?? 'mentorship-dev';
  }

  command(userId: string, text: string, o: { channelId?: string } = {}): Promise<AppResponse> {
    const channelId = o.channelId ?? dmId(userId);
    const { standIn } = this.opts;
    const body = new URLSearchParams({
      token: 'unused-verification-token',
      team_id: this.opts.teamId,
      team_domain: this.teamDomain,
      channel_id: channelId,
      channel_name: this.channelName(channelId),
      user_id: userId,
      user_name: this.userName(userId),
      command: this.opts.command ?? '/mentorship',
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: standIn.issueResponseUrl(userId, channelId),
      trigger_id: standIn.issueTriggerId(userId),
    });
    return this.sendRaw(body.toString(), { contentType: FORM });
  }

  clickInMessage(userId: string, message: StoredMessage, actionId: string, choice: Choice = {}): Promise<AppResponse> {
    const { standIn } = this.opts;
    const current = standIn.findMessage(message.channel, message.ts);
    if (!current) throw new Error(`Message ${message.ts} in ${message.channel} no longer exists; it cannot be clicked`);
    if (current.ephemeralFor && current.ephemeralFor !== userId) throw new Error(`${userId} cannot see an ephemeral message meant for ${current.ephemeralFor}`);
    const found = findElement(current.blocks, actionId);
    if (!found) throw new Error(`No element with action_id "${actionId}" in message ${current.ts}`);
    const ephemeral = current.ephemeralFor !== undefined;
    return this.sendPayload({
      type: 'block_actions',
      ...this.who(userId),
      container: { type: 'message', message_ts: current.ts, channel_id: current.channel, is_ephemeral: ephemeral },
      trigger_id: standIn.issueTriggerId(userId),
      channel: { id: current.channel, name: this.channelName(current.channel) },
      // Slack leaves the message out of payloads from ephemeral messages.
      ...(ephemeral ? {} : { message: toSlackMessage(current, false) }),
      state: { values: {} },
      response_url: standIn.issueResponseUrl(userId, current.channel, { ts: current.ts }),
      actions: [actionFor(found, choice, this.actionTs())],
    });
  }

  clickInView(userId: string, view: StoredView, actionId: string, choice: Choice = {}): Promise<AppResponse> {
    const current = this.visibleView(userId, view);
    const found = findElement(current.blocks, actionId);
    if (!found) throw new Error(`No element with action_id "${actionId}" in view ${current.id}`);
    const action = actionFor(found, choice, this.actionTs());
    if (action.type !== 'button' && action.type !== 'workflow_button' && action.type !== 'overflow') {
      // Picking a value changes the view's state, which later payloads (and the submission) carry.
      const { action_id: _a, block_id: _b, action_ts: _t, ...state } = action;
      const values = { ...current.state.values, [found.block.block_id]: { ...current.state.values[found.block.block_id], [actionId]: state } };
      this.opts.standIn.setViewState(current.id, values);
    }
    return this.sendPayload({
      type: 'block_actions',
      ...this.who(userId),
      container: { type: 'view', view_id: current.id },
      trigger_id: this.opts.standIn.issueTriggerId(userId),
      view: structuredClone(current),
      actions: [action],
    });
  }

  async submitView(userId: string, view: StoredView, inputs: Record<string, unknown> = {}): Promise<SubmitResult> {
    const { standIn } = this.opts;
    const current = this.visibleView(userId, view);
    if (standIn.topView(userId)?.id !== current.id)
      throw new Error(`View ${current.id} is not the top modal view of ${userId}; only that one can be submitted`);
    const sub = buildSubmission(current, inputs);
    if (Object.keys(sub.clientErrors).length > 0) return { status: 0, text: '', elapsedMs: 0, sent: false, clientErrors: sub.clientErrors };
    standIn.setViewState(current.id, sub.values);
    const responseUrls = sub.responseUrlTargets.map((t) => ({ ...t, response_url: standIn.issueResponseUrl(userId, t.channel_id) }));
    const res = await this.sendPayload({
      type: 'view_submission',
      ...this.who(userId),
      trigger_id: standIn.issueTriggerId(userId),
      view: structuredClone(standIn.findView(current.id)!),
      response_urls: responseUrls,
    });
    const result: SubmitResult = { ...res, sent: true };
    if (res.status !== 200) return result; // Slack shows the user an error; the modal stays as it was.
    if (res.text !== '' && res.json === undefined) return { ...result, ackProblem: { error: 'ack_not_json' } };
    const applied = standIn.applyViewAck(userId, current.id, res.json);
    if (!applied.ok) return { ...result, ackProblem: { error: applied.error, messages: applied.messages } };
    if (applied.action === 'errors') result.errors = applied.errors;
    return result;
  }

  /** The user closes the modal. Slack only tells the app when the view asked for notify_on_close. */
  async closeView(userId: string, view: StoredView): Promise<AppResponse | undefined> {
    const current = this.visibleView(userId, view);
    this.opts.standIn.closeView(userId, current.id);
    if (!current.notify_on_close) return undefined;
    return this.sendPayload({ type: 'view_closed', ...this.who(userId), view: structuredClone(current), is_cleared: current.clear_on_close });
  }

  event(event: Json, o: { eventId?: string; retryNum?: number; retryReason?: string } = {}): Promise<AppResponse> {
    const body = {
      token: 'unused-verification-token',
      team_id: this.opts.teamId,
      api_app_id: this.apiAppId,
      event,
      type: 'event_callback',
      event_id: o.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.opts.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    const headers: Record<string, string> = {};
    if (o.retryNum !== undefined) headers['x-slack-retry-num'] = String(o.retryNum);
    if (o.retryReason !== undefined) headers['x-slack-retry-reason'] = o.retryReason;
    return this.sendRaw(JSON.stringify(body), { contentType: 'application/json', headers });
  }

  appHomeOpened(userId: string, o: { eventId?: string } = {}): Promise<AppResponse> {
    const home = this.opts.standIn.homeView(userId);
    const event = {
      type: 'app_home_opened',
      user: userId,
      channel: dmId(userId),
      tab: 'home',
      event_ts: this.actionTs(),
      ...(home ? { view: structuredClone(home) } : {}),
    };
    return this.event(event, o);
  }

  async sendRaw(body: string, o: RawOptions): Promise<AppResponse> {
    const headers: Record<string, string> = { 'content-type': o.contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' };
    if (o.sign !== false) {
      const s = typeof o.sign === 'object' ? o.sign : {};
      Object.assign(headers, signRequest(s.secret ?? this.opts.signingSecret, body, s.timestamp));
    }
    Object.assign(headers, o.headers);
    const started = Date.now();
    const res = await fetch(this.opts.appUrl, { method: 'POST', headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, elapsedMs: Date.now() - started };
  }

  private sendPayload(payload: Json): Promise<AppResponse> {
    return this.sendRaw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: FORM });
  }

  private who(userId: string): Json {
    const name = this.userName(userId);
    return {
      user: { id: userId, username: name, name, team_id: this.opts.teamId },
      api_app_id: this.apiAppId,
      token: 'unused-verification-token',
      team: { id: this.opts.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** The stand-in's current copy of a view the user can see (top of their modal stack or their Home). */
  private visibleView(userId: string, view: StoredView): StoredView {
    const { standIn } = this.opts;
    const current = standIn.findView(view.id);
    const visible = current && (standIn.openViews(userId).some((v) => v.id === current.id) || standIn.homeView(userId)?.id === current.id);
    if (!current || !visible) throw new Error(`View ${view.id} is not open for ${userId}`);
    return current;
  }

  private userName(userId: string): string {
    return this.opts.standIn.user(userId)?.name ?? userId.toLowerCase();
  }

  private channelName(channelId: string): string {
    return channelId.startsWith('D') ? 'directmessage' : (this.opts.standIn.channel(channelId)?.name ?? channelId.toLowerCase());
  }

  private actionTs(): string {
    const ms = Date.now();
    return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
  }
}
