/**
 * The fake workspace: users and channels, and the read-only methods that describe them
 * (auth.test, users.info, conversations.open/info). DMs are 'D' + user id so they are stable and
 * predictable in tests; Slack's real ids are opaque but also stable per user.
 */
import type { ApiResult, ChannelFixture, Json, UserFixture } from './types';
import { apiError } from './types';

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const APP_ID = 'A0001';

/** A place chat.* can post to, after Slack's checks. */
export type Target = { ok: true; channel: string; dmUser?: string } | { ok: false; error: string };

export class Workspace {
  readonly users = new Map<string, Required<UserFixture>>();
  readonly channels = new Map<string, Required<ChannelFixture>>();

  constructor(readonly teamId: string) {
    this.addUser({ id: BOT_USER_ID, name: 'mentorbot', realName: 'Mentor Bot', isBot: true });
  }

  addUser(u: UserFixture): void {
    this.users.set(u.id, {
      id: u.id,
      name: u.name,
      realName: u.realName ?? u.name,
      displayName: u.displayName ?? '',
      tz: u.tz ?? 'America/New_York',
      email: u.email ?? '',
      isBot: u.isBot ?? false,
      deleted: u.deleted ?? false,
      isAdmin: u.isAdmin ?? false,
      isOwner: u.isOwner ?? false,
    });
  }

  addChannel(c: ChannelFixture): void {
    this.channels.set(c.id, { id: c.id, name: c.name, isPrivate: c.isPrivate ?? false, botIsMember: c.botIsMember ?? true });
  }

  authTest(): ApiResult {
    return {
      ok: true,
      url: 'https://mentorship-dev.slack.com/',
      team: 'Mentorship Dev',
      user: 'mentorbot',
      team_id: this.teamId,
      user_id: BOT_USER_ID,
      bot_id: BOT_ID,
    };
  }

  usersInfo(args: Json): ApiResult {
    const u = this.users.get(String(args.user ?? ''));
    if (!u) return apiError('user_not_found');
    return { ok: true, user: this.userJson(u) };
  }

  /** Slack matches the address whatever its case; no match is `users_not_found` (plural, unlike users.info). */
  usersLookupByEmail(args: Json): ApiResult {
    const email = String(args.email ?? '').toLowerCase();
    const u = email === '' ? undefined : [...this.users.values()].find((user) => user.email.toLowerCase() === email);
    if (!u) return apiError('users_not_found');
    return { ok: true, user: this.userJson(u) };
  }

  private userJson(u: Required<UserFixture>): Json {
    const { offsetSeconds, label } = tzInfo(u.tz);
    return {
      id: u.id,
      team_id: this.teamId,
      name: u.name,
      real_name: u.realName,
      deleted: u.deleted,
      is_bot: u.isBot,
      is_admin: u.isAdmin || u.isOwner,
      is_owner: u.isOwner,
      is_app_user: false,
      tz: u.tz,
      tz_label: label,
      tz_offset: offsetSeconds,
      profile: {
        real_name: u.realName,
        display_name: u.displayName,
        real_name_normalized: u.realName,
        display_name_normalized: u.displayName,
        ...(u.email ? { email: u.email } : {}),
      },
    };
  }

  conversationsOpen(args: Json): ApiResult {
    const ids = String(args.users ?? '')
      .split(',')
      .filter(Boolean);
    if (ids.length === 0) return apiError('not_enough_users');
    if (ids.length > 1) return apiError('method_not_supported_for_channel_type'); // group DMs are out of scope
    const u = this.users.get(ids[0]!);
    if (!u) return apiError('user_not_found');
    if (u.deleted) return apiError('user_disabled');
    return { ok: true, no_op: true, already_open: true, channel: { id: dmId(u.id) } };
  }

  conversationsInfo(args: Json): ApiResult {
    const id = String(args.channel ?? '');
    const dmUser = this.dmOwner(id);
    if (dmUser) return { ok: true, channel: { id, is_im: true, is_channel: false, is_private: true, user: dmUser, is_member: true, created: 0 } };
    const c = this.channels.get(id);
    // A private channel the bot is not in is invisible to it, exactly like an unknown one.
    if (!c || (c.isPrivate && !c.botIsMember)) return apiError('channel_not_found');
    return {
      ok: true,
      channel: {
        id,
        name: c.name,
        is_channel: !c.isPrivate,
        is_group: c.isPrivate,
        is_im: false,
        is_private: c.isPrivate,
        is_member: c.botIsMember,
        created: 0,
      },
    };
  }

  /** Resolves chat.* `channel`: a channel, a DM id, or a user id (Slack opens the DM itself). */
  target(channel: unknown): Target {
    const id = String(channel ?? '');
    if (this.users.has(id)) return this.target(dmId(id));
    const dmUser = this.dmOwner(id);
    if (dmUser) {
      return this.users.get(dmUser)!.deleted ? { ok: false, error: 'is_archived' } : { ok: true, channel: id, dmUser };
    }
    const c = this.channels.get(id);
    if (!c || (c.isPrivate && !c.botIsMember)) return { ok: false, error: 'channel_not_found' };
    if (!c.botIsMember) return { ok: false, error: 'not_in_channel' };
    return { ok: true, channel: id };
  }

  private dmOwner(id: string): string | undefined {
    if (!id.startsWith('D')) return undefined;
    const userId = id.slice(1);
    return this.users.has(userId) ? userId : undefined;
  }
}

export function dmId(userId: string): string {
  return `D${userId}`;
}

/** Offset and label for "now", so DST is right whenever the tests run. */
export function tzInfo(tz: string, at = new Date()): { offsetSeconds: number; label: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    timeZoneName: 'long',
  }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offsetSeconds = Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
  const label = parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
  return { offsetSeconds, label };
}
