/**
 * The sandbox's Block Kit and mrkdwn renderer: pure functions from what the bot sends Slack to the
 * HTML the sandbox page shows, with the hooks its script uses (see the sandbox contract in
 * docs/architecture.md). No I/O: the directory of people and channels and the viewer's zone are given.
 */
import { blocksHtml } from './blocks';
import { mrkdwnToHtml } from './mrkdwn';

// Block Kit JSON as the bot built it or Slack stored it: any shape, read defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface SandboxDirectory {
  user(id: string): { name: string; realName?: string } | undefined;
  channel(id: string): { name: string } | undefined;
  users(): { id: string; name: string }[];
  channels(): { id: string; name: string }[];
}

export interface RenderContext {
  viewerTz: string;
  directory: SandboxDirectory;
  now: Date;
}

export { mrkdwnToHtml } from './mrkdwn';
export { textToHtml } from './text';
export { renderModal } from './modal';
export { renderHome } from './home';

/** A message: its blocks when it has any (then `text` is only the notification fallback), else its text. */
export function renderMessage(message: { text?: string; blocks?: Json[] }, ctx: RenderContext): string {
  const body =
    message.blocks && message.blocks.length > 0 ? blocksHtml(message.blocks, ctx) : `<div class="message-text">${mrkdwnToHtml(message.text ?? '', ctx)}</div>`;
  return `<div class="message-body">${body}</div>`;
}
