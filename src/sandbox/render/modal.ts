/**
 * A modal as Slack draws it: title, blocks, and Cancel/Submit. Errors keyed by an input block sit
 * under that input; an error for a block id the view does not have is shown at the top (Slack would
 * refuse such a response; the sandbox shows it rather than dropping it).
 */
import { blocksHtml } from './blocks';
import { attr, escapeHtml } from './escape';
import type { Json, RenderContext } from './index';
import { plainHtml } from './text';

export function renderModal(view: Json, ctx: RenderContext, errors: Record<string, string> = {}): string {
  const blocks: Json[] = view.blocks ?? [];
  const inputIds = new Set(blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
  const stray = Object.entries(errors)
    .filter(([blockId]) => !inputIds.has(blockId))
    .map(([blockId, text]) => `<div class="field-error modal-error"${attr('data-error-for', blockId)}>${escapeHtml(text)}</div>`);
  const close = `<button type="button" class="btn btn-default" data-modal="close">${view.close ? plainHtml(view.close) : 'Cancel'}</button>`;
  const submit = view.submit ? `<button type="submit" class="btn btn-primary" data-modal="submit">${plainHtml(view.submit)}</button>` : '';
  return (
    `<form class="modal" novalidate${attr('data-view-id', view.id)}${attr('data-callback-id', view.callback_id)}>` +
    `<header class="modal-header"><h2 class="modal-title">${plainHtml(view.title)}</h2></header>` +
    `<div class="modal-body">${stray.join('')}${blocksHtml(blocks, ctx, errors)}</div>` +
    `<footer class="modal-footer">${close}${submit}</footer></form>`
  );
}
