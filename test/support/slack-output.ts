/**
 * What the bot showed people, as Slack would parse it for mentions and broadcasts. Slack turns
 * `<@U…>`, `<#C…>`, `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>` and `<https://…|label>`
 * into live mentions and links in message `text` and in `mrkdwn` text objects; `plain_text` objects
 * (titles, labels, buttons, options, inputs) and field errors are shown literally.
 */
import type { RecordedCall } from '../../src/devtools/slack-stand-in';

/** Stand-in methods through which the bot shows something to a person. */
export const OUTPUT_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
  'views.open',
  'views.push',
  'views.update',
  'views.publish',
  'response_url',
]);

/** Every string in `payload` that Slack renders as mrkdwn (where a mention would come alive). */
export function renderedTexts(payload: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (object.type === 'plain_text') return;
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === 'string' && (key === 'text' || key === 'pretext' || key === 'fallback')) found.push(value);
      else walk(value);
    }
  };
  walk(payload);
  return found;
}

const BROADCAST = /<!(channel|here|everyone|subteam\^[^>]*)(\|[^>]*)?>/;
const SPECIAL = /<(?:[@#!]|https?:|mailto:)[^<>]*>/g;

/** The mention, broadcast and link tokens in what a person typed (each would be live if shown raw). */
export function specialTokens(typed: readonly string[]): string[] {
  return [...new Set(typed.flatMap((text) => text.match(SPECIAL) ?? []))];
}

export interface UnsafeOutput {
  text: string;
  token: string;
  where: string;
}

/**
 * Broadcasts anywhere (the bot never broadcasts), and any token the person typed that reached a
 * rendered text unescaped. Typed tokens must use ids the bot would not mention itself (e.g. U123).
 */
export function unsafeOutput(outputs: Array<{ where: string; payload: unknown }>, typed: readonly string[]): UnsafeOutput[] {
  const tokens = specialTokens(typed);
  const problems: UnsafeOutput[] = [];
  for (const { where, payload } of outputs) {
    for (const text of renderedTexts(payload)) {
      const broadcast = text.match(BROADCAST);
      if (broadcast) problems.push({ where, text: text.slice(0, 200), token: broadcast[0] });
      for (const token of tokens) if (text.includes(token)) problems.push({ where, text: text.slice(0, 200), token });
    }
  }
  return problems;
}

/** The stand-in calls that showed something, as `unsafeOutput` inputs. */
export function outputsOf(calls: readonly RecordedCall[]): Array<{ where: string; payload: unknown }> {
  return calls.filter((call) => OUTPUT_METHODS.has(call.method)).map((call) => ({ where: call.method, payload: call.args }));
}
