import { DateTime } from 'luxon';
import type { Json, StoredView } from '../devtools/slack-stand-in';

/** What a page control holds: a string, several (multi-selects, checkboxes), or nothing. */
export type PageValue = string | string[] | null;

const MANY = new Set([
  'checkboxes',
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
]);

/**
 * A page control's value as the driver takes it for an element (SlackDriver turns it into Slack's state
 * shape): several values for multi-selects and checkboxes, null for an empty control (Slack's own empty
 * value), epoch seconds in the person's zone for a datetimepicker (the page's datetime-local has no zone).
 */
export function driverValue(element: Json, value: PageValue | undefined, zone: string): unknown {
  const many = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== '');
  if (MANY.has(String(element.type))) return many;
  const one = many[0];
  if (one === undefined) return null;
  if (element.type === 'datetimepicker') {
    const at = DateTime.fromISO(one, { zone });
    return at.isValid ? Math.floor(at.toSeconds()) : null;
  }
  return one;
}

/** The inputs of a modal submission, keyed by block_id; blocks the view does not have are left out. */
export function submissionInputs(view: StoredView, values: Record<string, PageValue>, zone: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const block of view.blocks) {
    const blockId = String(block.block_id ?? '');
    if (block.type !== 'input' || !block.element || !(blockId in values)) continue;
    inputs[blockId] = driverValue(block.element as Json, values[blockId], zone);
  }
  return inputs;
}

/** The element of an input block (a dispatch_action input answers a change like an action). */
export function inputElement(view: StoredView, blockId: string): Json | undefined {
  return view.blocks.find((block) => block.type === 'input' && block.block_id === blockId)?.element as Json | undefined;
}

/** An element outside input blocks (buttons, selects and pickers of actions blocks and section accessories). */
export function actionElement(blocks: Json[] | undefined, actionId: string): Json | undefined {
  for (const block of blocks ?? []) {
    const candidates: Json[] = [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])];
    const found = candidates.find((element) => element && typeof element === 'object' && element.action_id === actionId);
    if (found) return found;
  }
  return undefined;
}
