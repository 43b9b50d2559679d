/**
 * Finding an element in blocks, and what Slack reports about it: the `actions[]` entry of a
 * block_actions payload and the `view.state.values` entry of a submission. Each element type has its
 * own shape (selected_option, selected_user, selected_date…), mirrored from Slack's payloads.
 */
import type { Json } from '../slack-stand-in';

export interface Found {
  block: Json;
  element: Json;
}

export function findElement(blocks: Json[] | undefined, actionId: string): Found | undefined {
  for (const block of blocks ?? []) {
    const candidates: Json[] = [block.accessory, block.element, ...(Array.isArray(block.elements) ? block.elements : [])];
    const element = candidates.find((el) => el && typeof el === 'object' && el.action_id === actionId);
    if (element) return { block, element };
  }
  return undefined;
}

export interface Choice {
  value?: unknown;
  selectedOption?: Json;
}

/** The actions[] entry Slack sends for one interaction with `element`. */
export function actionFor(found: Found, choice: Choice, actionTs: string): Json {
  const { block, element } = found;
  const base: Json = { type: element.type, action_id: element.action_id, block_id: block.block_id, action_ts: actionTs };
  if (element.type === 'button' || element.type === 'workflow_button') {
    return { ...base, text: element.text, value: choice.value ?? element.value, ...(element.style ? { style: element.style } : {}) };
  }
  return { ...base, ...stateFor(element, choice.selectedOption !== undefined ? choice.selectedOption : choice.value, true) };
}

/**
 * The state entry for an element given what the user entered. `input` undefined falls back to the
 * element's initial value, as Slack pre-fills it; `strict` makes a missing option a test error.
 */
export function stateFor(el: Json, input: unknown, strict = true): Json {
  const given = input !== undefined;
  const pick = (v: unknown): Json | null => (v === undefined || v === null ? null : isOption(v) ? v : option(el, String(v), strict));
  switch (el.type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type: el.type, value: given ? (input === null ? null : String(input)) : (el.initial_value ?? null) };
    case 'number_input':
      return { type: el.type, value: given ? (input === null ? null : String(input)) : (el.initial_value ?? null) };
    case 'rich_text_input':
      return { type: el.type, rich_text_value: given ? richText(String(input)) : (el.initial_value ?? null) };
    case 'users_select':
      return { type: el.type, selected_user: given ? input : (el.initial_user ?? null) };
    case 'multi_users_select':
      return { type: el.type, selected_users: given ? input : (el.initial_users ?? []) };
    case 'conversations_select':
      return { type: el.type, selected_conversation: given ? input : (el.initial_conversation ?? null) };
    case 'multi_conversations_select':
      return { type: el.type, selected_conversations: given ? input : (el.initial_conversations ?? []) };
    case 'channels_select':
      return { type: el.type, selected_channel: given ? input : (el.initial_channel ?? null) };
    case 'multi_channels_select':
      return { type: el.type, selected_channels: given ? input : (el.initial_channels ?? []) };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { type: el.type, selected_option: given ? pick(input) : (el.initial_option ?? null) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type: el.type, selected_options: given ? asArray(input).map((v) => pick(v)!) : (el.initial_options ?? []) };
    case 'datepicker':
      return { type: el.type, selected_date: given ? input : (el.initial_date ?? null) };
    case 'timepicker':
      return { type: el.type, selected_time: given ? input : (el.initial_time ?? null) };
    case 'datetimepicker':
      return { type: el.type, selected_date_time: given ? Number(input) : (el.initial_date_time ?? null) };
    default:
      return { type: el.type, value: given ? input : null };
  }
}

/** Whether Slack's client would consider the element filled in (required inputs block the submit). */
export function isFilled(state: Json): boolean {
  const { type: _t, ...rest } = state;
  return Object.values(rest).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== ''));
}

function option(el: Json, value: string, strict: boolean): Json | null {
  const all: Json[] = [...(el.options ?? []), ...((el.option_groups ?? []) as Json[]).flatMap((g) => g.options ?? [])];
  const found = all.find((o) => o.value === value);
  if (found) return found;
  if (el.type === 'external_select' || el.type === 'multi_external_select') return { text: { type: 'plain_text', text: value }, value };
  if (strict) throw new Error(`No option with value "${value}" in ${el.type} ${el.action_id}; options: ${all.map((o) => o.value).join(', ')}`);
  return null;
}

function isOption(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && 'value' in v;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function richText(text: string): Json {
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] };
}
