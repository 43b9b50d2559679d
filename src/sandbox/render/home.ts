import { blocksHtml } from './blocks';
import { attr } from './escape';
import type { Json, RenderContext } from './index';

/** The Home tab: the published view's blocks, nothing around them (the page draws the tab). */
export function renderHome(view: Json, ctx: RenderContext): string {
  return `<div class="home"${attr('data-view-id', view.id)}${attr('data-callback-id', view.callback_id)}>${blocksHtml(view.blocks, ctx)}</div>`;
}
