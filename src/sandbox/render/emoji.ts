/**
 * Emoji shortcodes as Slack shows them: `:seedling:` is 🌱, `:wave::skin-tone-3:` a toned 👋, and a name
 * Slack does not know stays as typed. The names are Slack's own: iamcal's emoji-data (npm `emoji-datasource`),
 * the list Slack publishes for its emoji. emojilib (behind node-emoji) and gemoji name hundreds of them
 * differently (`:spiral_note_pad:`, `:large_green_circle:`, `:envelope:` are missing there).
 */
import { readFileSync } from 'node:fs';

interface DataEntry {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

interface Emoji {
  text: string;
  /** By Slack's tone number (2–6), when the emoji takes a skin tone. */
  tones: Map<string, string>;
}

const TONE_CODES: Record<string, string> = { '1F3FB': '2', '1F3FC': '3', '1F3FD': '4', '1F3FE': '5', '1F3FF': '6' };

const fromUnified = (unified: string): string => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));

let table: Map<string, Emoji> | undefined;

/** Read once, on the first shortcode asked for (the data file is 1.3 MB of JSON). */
function emojiTable(): Map<string, Emoji> {
  if (table) return table;
  const data = JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8')) as DataEntry[];
  table = new Map();
  for (const entry of data) {
    const tones = new Map<string, string>();
    for (const [code, variation] of Object.entries(entry.skin_variations ?? {})) {
      const tone = TONE_CODES[code];
      if (tone) tones.set(tone, fromUnified(variation.unified));
    }
    const emoji = { text: fromUnified(entry.unified), tones };
    for (const name of entry.short_names) table.set(name, emoji);
  }
  return table;
}

/** The emoji Slack shows for `:name:`, or undefined when Slack has no such name. */
export function emojiFor(name: string): string | undefined {
  return emojiTable().get(name)?.text;
}

const TONE = /^:skin-tone-([2-6]):/;

/**
 * Every known `:name:` in a text as its emoji. An unknown one is left as typed and its closing colon may
 * open the next (`ratio:1:tada:` still shows 🎉). The text may be HTML already: names hold no markup.
 */
export function emojify(text: string): string {
  if (!text.includes(':')) return text;
  const emoji = emojiTable();
  let out = '';
  let from = 0;
  const shortcode = /:([a-z0-9_+-]+):/g;
  for (let m = shortcode.exec(text); m; m = shortcode.exec(text)) {
    const found = emoji.get(m[1] ?? '');
    let end = m.index + m[0].length;
    if (!found) {
      shortcode.lastIndex = end - 1;
      continue;
    }
    let shown = found.text;
    const tone = TONE.exec(text.slice(end));
    const toned = tone ? found.tones.get(tone[1] ?? '') : undefined;
    if (tone && toned) {
      shown = toned;
      end += tone[0].length;
    }
    out += text.slice(from, m.index) + shown;
    from = end;
    shortcode.lastIndex = end;
  }
  return out + text.slice(from);
}
