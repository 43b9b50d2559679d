/**
 * Emoji shortcodes show as the emoji Slack shows, with Slack's names; a name Slack does not know stays as
 * typed. The table must know every shortcode the bot writes: a new one it lacks fails here, not on the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mrkdwnToHtml, renderMessage, renderModal, textToHtml } from '../../../src/sandbox/render';
import { emojiFor } from '../../../src/sandbox/render/emoji';
import { renderContext } from './render-context';

const ctx = renderContext();
const md = (text: string): string => mrkdwnToHtml(text, ctx);
const SRC = join(__dirname, '../../../src');

/** `:name:` in the bot's source, not glued to a word, a digit or a colon (`enc:v1:`, `09:00:00`); `\n:x:` counts. */
function shortcodesInSource(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'sandbox') shortcodesInSource(path).forEach((n) => found.add(n));
    } else if (entry.name.endsWith('.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/(?:(?<![A-Za-z0-9:])|(?<=\\n)):([a-z0-9_+-]+):/g)) found.add(m[1]!);
    }
  }
  return found;
}

describe('emoji shortcodes', () => {
  it('knows every shortcode the bot writes, by Slack’s name', () => {
    const names = [...shortcodesInSource(SRC)];
    expect(names).toEqual(expect.arrayContaining(['seedling', 'white_check_mark', 'calendar', 'spiral_note_pad']));
    expect(names.filter((n) => emojiFor(n) === undefined)).toEqual([]);
  });

  it('uses Slack’s names, which other lists spell differently', () => {
    expect(emojiFor('seedling')).toBe('🌱');
    expect(emojiFor('white_check_mark')).toBe('✅');
    expect(emojiFor('spiral_note_pad')).toBe('🗒️');
    expect(emojiFor('large_green_circle')).toBe('🟢');
    expect(emojiFor('double_vertical_bar')).toBe('⏸️');
    expect(emojiFor('+1')).toBe('👍');
    expect(emojiFor('thumbsup')).toBe('👍');
    expect(emojiFor('white_square')).toBeUndefined();
  });

  it('shows emoji in mrkdwn, with the formatting around them', () => {
    expect(md(':tada: done :white_check_mark:')).toBe('🎉 done ✅');
    expect(md('*:seedling: Goal approved*')).toBe('<b>🌱 Goal approved</b>');
    expect(md(':tada::tada:')).toBe('🎉🎉');
    expect(md('<https://x.io|:books: read>')).toBe('<a href="https://x.io" target="_blank" rel="noopener noreferrer">📚 read</a>');
  });

  it('leaves unknown names, code, code blocks and URLs as typed', () => {
    expect(md(':not_an_emoji: and :TADA:')).toBe(':not_an_emoji: and :TADA:');
    expect(md('ratio:1:tada:')).toBe('ratio:1🎉');
    expect(md('at 10:30:00')).toBe('at 10:30:00');
    expect(md('`:tada:`')).toBe('<code>:tada:</code>');
    expect(md('```:tada:```')).toBe('<pre class="code-block">:tada:</pre>');
    expect(md('https://x.io/:tada:/y')).toContain('href="https://x.io/:tada:/y"');
  });

  it('adds a skin tone when one follows, and ignores it on an emoji without tones', () => {
    expect(md(':wave::skin-tone-3:')).toBe('👋🏼');
    expect(md(':tada::skin-tone-3:')).toBe('🎉🏼');
  });

  it('shows emoji in plain_text unless it says emoji: false', () => {
    expect(textToHtml({ type: 'plain_text', text: ':memo: Notes' }, ctx)).toBe('📝 Notes');
    expect(textToHtml({ type: 'plain_text', text: ':memo: Notes', emoji: true }, ctx)).toBe('📝 Notes');
    expect(textToHtml({ type: 'plain_text', text: ':memo: Notes', emoji: false }, ctx)).toBe(':memo: Notes');
  });

  it('shows emoji in headers, buttons, options and modal titles', () => {
    const plain = (text: string): { type: string; text: string } => ({ type: 'plain_text', text });
    const message = renderMessage(
      {
        blocks: [
          { type: 'header', text: plain(':trophy: Done') },
          {
            type: 'actions',
            block_id: 'b',
            elements: [
              { type: 'button', action_id: 'a', text: plain(':white_check_mark: Approve') },
              { type: 'static_select', action_id: 's', options: [{ text: plain(':dart: Goals'), value: 'g' }] },
            ],
          },
        ],
      },
      ctx,
    );
    expect(message).toContain('🏆 Done');
    expect(message).toContain('✅ Approve');
    expect(message).toContain('🎯 Goals');
    expect(renderModal({ type: 'modal', title: plain(':memo: Notes'), blocks: [] }, ctx)).toContain('📝 Notes');
  });

  it('draws a rich_text emoji from its code points, else from its name', () => {
    const rich = (emoji: Record<string, string>): string =>
      renderMessage({ blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'emoji', ...emoji }] }] }] }, ctx);
    expect(rich({ name: 'wave', unicode: '1f44b-1f3fc' })).toContain('👋🏼');
    expect(rich({ name: 'seedling' })).toContain('🌱');
    expect(rich({ name: 'custom_party' })).toContain(':custom_party:');
  });
});
