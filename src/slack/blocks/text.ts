/**
 * Slack reads `<`, `>` and `&` as control characters in message text: `<!channel>` broadcasts and
 * `<@U123>` mentions. Everything a person typed goes through `escapeText` before it is rendered,
 * so it reaches Slack as text (the contract's "never a mention or a broadcast").
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mention the bot itself chose to make (ids come from Slack, never from typed text). */
export const mention = (userId: string): string => `<@${userId}>`;
export const channelLink = (channelId: string): string => `<#${channelId}>`;

/** Cuts text to Slack's limit for a field, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A button's `accessibility_label` (Slack's limit: 75 characters): what a screen reader says instead of
 * a button text that is ambiguous out of context ("Done", "Edit", "Answer": which one?). It often
 * quotes typed text (a goal's title); `<` and `>` are dropped so no typed `<!channel>` reaches Slack
 * whole, and an escape would be read aloud as "ampersand l t".
 */
export const accessibilityLabel = (text: string): string => truncate(text.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim(), 75);

export const plain = (text: string, max = 3000) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });
export const mrkdwn = (text: string, max = 3000) => ({ type: 'mrkdwn' as const, text: truncate(text, max) });
