/**
 * Pure validator for modal and Home tab views (views.open/push/update/publish and response_action views).
 * Size is checked separately because Slack answers it with its own error code (`view_too_large`).
 */
import { checkBlockList } from './blocks';
import { isObject, Problems } from './checks';
import type { Problem } from './types';

export const MAX_VIEW_BYTES = 250 * 1024;

export function validateView(view: unknown, base = '/view'): Problem[] {
  const p = new Problems();
  if (!isObject(view)) {
    p.add(base, 'must be a view object');
    return p.list;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    p.add(`${base}/type`, 'must be modal or home');
    return p.list;
  }
  if (view.type === 'modal') {
    p.text(view.title, `${base}/title`, { max: 24, plainOnly: true, required: true });
    p.text(view.submit, `${base}/submit`, { max: 24, plainOnly: true });
    p.text(view.close, `${base}/close`, { max: 24, plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b: any) => b?.type === 'input');
    if (hasInput && view.submit == null) p.add(`${base}/submit`, 'must define submit to use input block');
  }
  if (view.blocks === undefined) p.add(`${base}/blocks`, 'missing required field: blocks');
  else checkBlockList(p, view.blocks, view.type, `${base}/blocks`);
  p.maxString(view.callback_id, `${base}/callback_id`, 255);
  p.maxString(view.external_id, `${base}/external_id`, 255);
  p.maxString(view.private_metadata, `${base}/private_metadata`, 3000);
  return p.list;
}

export function viewTooLarge(view: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(view ?? null), 'utf8') > MAX_VIEW_BYTES;
}
