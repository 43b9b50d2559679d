/**
 * The input block, as the page's form collects it: the control is named after the block, the label
 * says "(optional)" when it is, and an error from `response_action: errors` (or from Slack's own
 * client checks) sits right under the control, where Slack shows it, above the hint.
 */
import { controlHtml } from './elements';
import { attr, escapeHtml } from './escape';
import type { Json, RenderContext } from './index';
import { plainHtml } from './text';

export function inputBlockHtml(block: Json, ctx: RenderContext, error: string | undefined): string {
  const blockId = String(block.block_id ?? '');
  const el: Json = block.element ?? {};
  const id = `input-${blockId}`;
  const optional = block.optional ? ' <span class="optional">(optional)</span>' : '';
  const label = `<label class="input-label"${attr('id', `label-${blockId}`)}${attr('for', id)}>${plainHtml(block.label)}${optional}</label>`;
  const control = controlHtml(el, ctx, { name: blockId, id, labelId: `label-${blockId}`, hooks: '' });
  const errorHtml = error === undefined ? '' : `<div class="field-error"${attr('data-error-for', blockId)}>${escapeHtml(error)}</div>`;
  const hint = block.hint ? `<div class="hint">${plainHtml(block.hint)}</div>` : '';
  // dispatch_action: Slack sends block_actions as the value changes; the attribute names the action.
  const dispatch = block.dispatch_action ? attr('data-dispatch-action', String(el.action_id ?? '')) : '';
  const open = `<div class="input-block${error === undefined ? '' : ' has-error'}"${attr('data-block-id', blockId)}${attr('data-element-type', el.type)}${dispatch}>`;
  return `${open}${label}${control}${errorHtml}${hint}</div>`;
}
