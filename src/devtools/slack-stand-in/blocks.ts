/**
 * Pure Block Kit validator for message and view blocks, following the documented limits of SLACK.md §4.1.
 * It returns every problem it finds (Slack reports them as `[ERROR] … [json-pointer:…]` lines), so a unit
 * test can assert on the exact field a builder got wrong.
 */
import { isObject, Problems } from './checks';
import { validateElement } from './elements';
import type { Problem } from './types';

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function validateBlocks(blocks: unknown, surface: Surface, base = '/blocks'): Problem[] {
  const p = new Problems();
  checkBlockList(p, blocks, surface, base);
  return p.list;
}

export function checkBlockList(p: Problems, blocks: unknown, surface: Surface, base: string): void {
  if (!Array.isArray(blocks)) return p.add(base, 'must be an array');
  if (blocks.length > MAX_BLOCKS[surface]) p.add(base, `no more than ${MAX_BLOCKS[surface]} items allowed`);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    const ptr = `${base}/${i}`;
    if (isObject(block) && typeof block.block_id === 'string') {
      if (seen.has(block.block_id)) p.add(`${ptr}/block_id`, `duplicate block_id: ${block.block_id}`);
      seen.add(block.block_id);
    }
    checkBlock(p, block, ptr);
  });
}

function checkBlock(p: Problems, block: unknown, ptr: string): void {
  if (!isObject(block)) return p.add(ptr, 'must be a block object');
  p.maxString(block.block_id, `${ptr}/block_id`, 255);
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) p.add(ptr, 'must provide either text or fields');
      p.text(block.text, `${ptr}/text`, { max: 3000 });
      if (p.maxItems(block.fields, `${ptr}/fields`, 10)) {
        block.fields.forEach((f: unknown, i: number) => p.text(f, `${ptr}/fields/${i}`, { max: 2000, required: true }));
      }
      if (block.accessory !== undefined) validateElement(p, block.accessory, `${ptr}/accessory`, 'accessory');
      return;
    case 'header':
      return p.text(block.text, `${ptr}/text`, { max: 150, plainOnly: true, required: true });
    case 'divider':
      return;
    case 'context':
      if (block.elements === undefined) return p.add(`${ptr}/elements`, 'missing required field: elements');
      if (p.maxItems(block.elements, `${ptr}/elements`, 10, 1)) {
        block.elements.forEach((el: any, i: number) => {
          if (el?.type === 'image') validateElement(p, el, `${ptr}/elements/${i}`, 'accessory');
          else p.text(el, `${ptr}/elements/${i}`, { required: true });
        });
      }
      return;
    case 'actions':
      if (block.elements === undefined) return p.add(`${ptr}/elements`, 'missing required field: elements');
      if (p.maxItems(block.elements, `${ptr}/elements`, 25, 1)) {
        block.elements.forEach((el: unknown, i: number) => validateElement(p, el, `${ptr}/elements/${i}`, 'actions'));
        checkUniqueActionIds(p, block.elements, `${ptr}/elements`);
      }
      return;
    case 'input':
      p.text(block.label, `${ptr}/label`, { max: 2000, plainOnly: true, required: true });
      p.text(block.hint, `${ptr}/hint`, { max: 2000, plainOnly: true });
      if (block.element === undefined) return p.add(`${ptr}/element`, 'missing required field: element');
      return validateElement(p, block.element, `${ptr}/element`, 'input');
    case 'image':
      if (block.image_url === undefined && block.slack_file === undefined) p.add(`${ptr}/image_url`, 'missing required field: image_url');
      p.maxString(block.image_url, `${ptr}/image_url`, 3000);
      if (typeof block.alt_text !== 'string') p.add(`${ptr}/alt_text`, 'missing required field: alt_text');
      p.maxString(block.alt_text, `${ptr}/alt_text`, 2000);
      return p.text(block.title, `${ptr}/title`, { max: 2000, plainOnly: true });
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length === 0) return p.add(`${ptr}/text`, 'missing required field: text');
      return p.maxString(block.text, `${ptr}/text`, 12000);
    case 'rich_text':
      if (!Array.isArray(block.elements)) p.add(`${ptr}/elements`, 'missing required field: elements');
      return;
    case 'video':
    case 'file':
      return;
    default:
      p.add(`${ptr}/type`, `unsupported type: ${String(block.type)}`);
  }
}

// Slack refuses two elements of one block with the same action_id: the click could not be told apart.
function checkUniqueActionIds(p: Problems, elements: unknown[], ptr: string): void {
  const seen = new Set<string>();
  elements.forEach((el, i) => {
    const id = isObject(el) ? el.action_id : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) p.add(`${ptr}/${i}/action_id`, `duplicate action_id: ${id}`);
    seen.add(id);
  });
}
