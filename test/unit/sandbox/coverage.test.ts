/**
 * The renderer draws every block and element type the bot's code names: a new `type: '…'` in
 * src/slack that it cannot draw fails here instead of showing "[unsupported …]" in the sandbox.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMessage, renderModal } from '../../../src/sandbox/render';
import { renderContext } from './render-context';

const ctx = renderContext();
const SRC = join(__dirname, '../../../src/slack');

/** Types in src/slack that are not blocks or elements: text objects, surfaces, payloads, rich-text parts. */
const NOT_BLOCKS = new Set(['plain_text', 'mrkdwn', 'modal', 'home', 'ephemeral', 'message', 'block_actions', 'view_submission', 'view_closed', 'view']);
const NOT_BLOCKS_EITHER = new Set(['bot', 'update', 'string', 'event_callback', 'dm', 'channel', 'app_home_opened', 'text', 'rich_text_section']);

function typesNamedInSource(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) typesNamedInSource(path).forEach((t) => found.add(t));
    else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/type: '([a-z_]+)'/g)) found.add(m[1]!);
  }
  return found;
}

const drawn = (type: string): boolean => {
  const plain = { type: 'plain_text', text: 'x' };
  const element = { type, action_id: 'a', text: plain, options: [{ text: plain, value: 'v' }] };
  const asBlock = renderMessage(
    { blocks: [{ type, block_id: 'b', text: plain, label: plain, elements: [], element: { type: 'plain_text_input', action_id: 'a' } }] },
    ctx,
  );
  const asAction = renderMessage({ blocks: [{ type: 'actions', block_id: 'b', elements: [element] }] }, ctx);
  const asInput = renderModal({ type: 'modal', title: plain, blocks: [{ type: 'input', block_id: 'b', label: plain, element }] }, ctx);
  return [asBlock, asAction, asInput].some((html) => !html.includes('[unsupported'));
};

it('draws every block and element type the bot emits', () => {
  const types = [...typesNamedInSource(SRC)].filter((t) => !NOT_BLOCKS.has(t) && !NOT_BLOCKS_EITHER.has(t));
  expect(types.length).toBeGreaterThan(15);
  expect(types.filter((t) => !drawn(t))).toEqual([]);
});

it('shows a placeholder, never nothing, for a type it does not know', () => {
  expect(drawn('not_a_block')).toBe(false);
});
