/**
 * What Slack does with the app's answer to a view_submission (SLACK.md §4.2): close, update, push,
 * clear, or keep the view and show field errors. An ack Slack would refuse is reported, not applied,
 * because the user would only see "We had some trouble connecting".
 */
import type { Modals } from './modals';
import type { Json } from './types';

export type ViewAckResult =
  | { ok: true; action: 'close' | 'update' | 'push' | 'clear' }
  | { ok: true; action: 'errors'; errors: Record<string, string> }
  | { ok: false; error: string; messages?: string[] };

export function applyViewAck(modals: Modals, userId: string, viewId: string, ack: Json | undefined): ViewAckResult {
  const current = modals.find(viewId);
  if (!current) return { ok: false, error: 'not_found' };
  if (!ack || Object.keys(ack).length === 0) {
    modals.close(userId, viewId, false);
    return { ok: true, action: 'close' };
  }
  switch (ack.response_action) {
    case 'clear':
      modals.close(userId, viewId, true);
      return { ok: true, action: 'clear' };
    case 'errors': {
      const errors = ack.errors as Record<string, string> | undefined;
      const inputIds = new Set(current.blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
      const stray = Object.keys(errors ?? {}).filter((k) => !inputIds.has(k));
      if (!errors || Object.keys(errors).length === 0 || stray.length > 0) {
        return { ok: false, error: 'invalid_errors', messages: stray.map((k) => `errors key ${k} is not an input block_id of the view`) };
      }
      return { ok: true, action: 'errors', errors };
    }
    case 'update':
    case 'push': {
      const bad = modals.checkView(ack.view, 'modal', ack.response_action === 'update' ? current : undefined);
      if (bad) return { ok: false, error: String(bad.error), messages: bad.response_metadata?.messages };
      if (ack.response_action === 'update') {
        modals.replace(current, ack.view);
        return { ok: true, action: 'update' };
      }
      const pushed = modals.pushFor(userId, ack.view);
      return 'error' in pushed ? { ok: false, error: pushed.error } : { ok: true, action: 'push' };
    }
    default:
      return { ok: false, error: 'invalid_response_action' };
  }
}
