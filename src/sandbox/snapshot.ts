import { DateTime } from 'luxon';
import { dmId, type StoredMessage } from '../devtools/slack-stand-in';
import { SANDBOX_CHANNELS, SANDBOX_PEOPLE, type SandboxPerson } from './people';
import { sandboxDirectory } from './directory';
import { escapeText } from '../slack/blocks/text';
import { mrkdwnToHtml, renderHome, renderMessage, renderModal, type RenderContext } from './render';
import type { Sandbox, TypedMessage } from './sandbox';

export const HOME = 'home';

export interface Conversation {
  id: string;
  name: string;
  kind: 'home' | 'dm' | 'channel';
}

/** What the page shows one person at one place: the sidebar, the place's messages (or Home), their open modal. */
export interface Snapshot {
  version: string;
  clock: { iso: string; text: string };
  user: string;
  people: { id: string; name: string; role: string; tz: string }[];
  conversations: Conversation[];
  at: string;
  title: string;
  /** Rendered HTML: the conversation's messages, or the Home tab. */
  body: string;
  /** False on the Home tab, which has no message box. */
  composer: boolean;
  /** The top of the person's modal stack; depth counts the views under it too. */
  modal: { id: string; hash: string; depth: number; html: string } | null;
}

export function conversationsOf(person: SandboxPerson): Conversation[] {
  return [
    { id: HOME, name: 'Home', kind: 'home' },
    { id: dmId(person.id), name: 'Messages', kind: 'dm' },
    ...SANDBOX_CHANNELS.map((channel) => ({ id: channel.id, name: `#${channel.name}`, kind: 'channel' as const })),
  ];
}

export function snapshot(sandbox: Sandbox, person: SandboxPerson, at: string): Snapshot {
  const { standIn, clock } = sandbox.world;
  const ctx: RenderContext = { viewerTz: person.tz, directory: sandboxDirectory(standIn), now: clock.now() };
  const conversations = conversationsOf(person);
  const place = conversations.find((c) => c.id === at) ?? conversations[1]!;
  const top = standIn.topView(person.id);
  const home = standIn.homeView(person.id);
  return {
    version: sandbox.version,
    clock: { iso: clock.now().toISOString(), text: `${timeIn(clock.now(), person.tz, 'ccc d LLL yyyy, HH:mm')} (${person.tz})` },
    user: person.id,
    people: SANDBOX_PEOPLE.map((p) => ({ id: p.id, name: p.displayName, role: p.role, tz: p.tz })),
    conversations,
    at: place.id,
    title: place.kind === 'dm' ? 'Mentorship (the bot)' : place.name,
    body: place.kind === 'home' ? (home ? renderHome(home, ctx) : '<p class="empty">Opening the Home tab…</p>') : timeline(sandbox, person, place.id, ctx),
    composer: place.kind !== 'home',
    modal: top
      ? { id: top.id, hash: top.hash, depth: standIn.openViews(person.id).length, html: renderModal(top, ctx, sandbox.errorsOf(top.id, top.hash)) }
      : null,
  };
}

/** A conversation as the person sees it: the bot's messages, their own ephemerals, and what they typed, in order. */
function timeline(sandbox: Sandbox, person: SandboxPerson, channel: string, ctx: RenderContext): string {
  const fromBot = sandbox.world.standIn.allMessages().filter((m) => m.channel === channel && (m.ephemeralFor === undefined || m.ephemeralFor === person.id));
  const typed = sandbox.typed.filter((m) => m.channel === channel);
  const all: (StoredMessage | TypedMessage)[] = [...fromBot, ...typed].sort((a, b) => compareTs(a.ts, b.ts));
  if (all.length === 0) return `<p class="empty">Nothing here yet. Type <code>/mentorship help</code> below.</p>`;
  return all.map((message) => messageHtml(sandbox, message, ctx)).join('\n');
}

function messageHtml(sandbox: Sandbox, message: StoredMessage | TypedMessage, ctx: RenderContext): string {
  const fromBot = 'bot_id' in message;
  const ephemeral = fromBot && message.ephemeralFor !== undefined;
  const author = fromBot ? 'Mentorship' : (ctx.directory.user(message.user)?.name ?? message.user);
  const when = timeIn(sandbox.arrival(message.channel, message.ts), ctx.viewerTz, 'ccc d LLL, HH:mm');
  // Slack's client sends what a person typed with < > & escaped, and shows it formatted (bold, links, emoji).
  const body = fromBot ? renderMessage(message, ctx) : `<div class="typed">${mrkdwnToHtml(escapeText(message.text), ctx)}</div>`;
  const classes = ['message', fromBot ? 'from-bot' : 'from-person', ...(ephemeral ? ['ephemeral'] : [])].join(' ');
  return [
    `<div class="${classes}" data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(message.ts)}">`,
    `<div class="meta"><span class="author">${escapeHtml(author)}</span>${fromBot ? '<span class="app-badge">APP</span>' : ''}`,
    `<span class="time">${escapeHtml(when)}</span>${'edited' in message && message.edited ? '<span class="edited">(edited)</span>' : ''}</div>`,
    ephemeral ? '<div class="only-you">Only visible to you</div>' : '',
    `<div class="body">${body}</div></div>`,
  ].join('');
}

function timeIn(at: Date, zone: string, format: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(format);
}

/** Slack's ts order ('seconds.micro'), exact. */
function compareTs(a: string, b: string): number {
  const micros = (ts: string) => BigInt(ts.replace('.', ''));
  const diff = micros(a) - micros(b);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
