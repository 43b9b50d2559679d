/**
 * Layout blocks to HTML. A block type the renderer does not know shows a visible placeholder, so a
 * view the sandbox cannot draw is noticed rather than silently missing.
 */
import { elementHtml, imageHtml } from './elements';
import { attr, escapeHtml } from './escape';
import type { Json, RenderContext } from './index';
import { inputBlockHtml } from './inputs';
import { richTextHtml } from './rich-text';
import { plainHtml, textToHtml } from './text';

export function blocksHtml(blocks: Json[] | undefined, ctx: RenderContext, errors: Record<string, string> = {}): string {
  return (blocks ?? []).map((b) => blockHtml(b, ctx, errors)).join('');
}

function blockHtml(block: Json, ctx: RenderContext, errors: Record<string, string>): string {
  const blockId: string | undefined = block.block_id;
  const id = attr('data-block-id', blockId);
  switch (block.type) {
    case 'section':
      return sectionHtml(block, ctx);
    case 'context': {
      const parts = ((block.elements ?? []) as Json[]).map((e) =>
        e.type === 'image' ? imageHtml(e, 'context-image') : `<span class="context-text">${textToHtml(e, ctx)}</span>`,
      );
      return `<div class="block context"${id}>${parts.join('')}</div>`;
    }
    case 'header':
      return `<h3 class="block header"${id}>${plainHtml(block.text)}</h3>`;
    case 'divider':
      return `<hr class="block divider"${id}>`;
    case 'image': {
      const title = block.title ? `<figcaption>${plainHtml(block.title)}</figcaption>` : '';
      return `<figure class="block image"${id}>${title}${imageHtml(block, 'image-block')}</figure>`;
    }
    case 'actions': {
      const elements = ((block.elements ?? []) as Json[]).map((e) => elementHtml(e, blockId, ctx));
      return `<div class="block actions"${id}>${elements.join('')}</div>`;
    }
    case 'input':
      return inputBlockHtml(block, ctx, blockId === undefined ? undefined : errors[blockId]);
    case 'rich_text':
      return richTextHtml(block, ctx);
    default:
      return `<div class="block unsupported"${id}>[unsupported block: ${escapeHtml(block.type)}]</div>`;
  }
}

function sectionHtml(block: Json, ctx: RenderContext): string {
  const text = block.text ? `<div class="section-text">${textToHtml(block.text, ctx)}</div>` : '';
  const fields = Array.isArray(block.fields)
    ? `<div class="fields">${(block.fields as Json[]).map((f) => `<div class="field">${textToHtml(f, ctx)}</div>`).join('')}</div>`
    : '';
  const accessory = block.accessory ? `<div class="accessory">${elementHtml(block.accessory, block.block_id, ctx)}</div>` : '';
  return `<div class="block section"${attr('data-block-id', block.block_id)}><div class="section-body">${text}${fields}</div>${accessory}</div>`;
}
