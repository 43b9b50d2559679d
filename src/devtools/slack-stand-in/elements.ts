/**
 * Block elements: which types may appear where (section accessory, actions, input, context) and each
 * element's documented limits (SLACK.md §4.1). Unknown types are errors, as they are for Slack.
 */
import { isObject, type Problems } from './checks';

export type Slot = 'accessory' | 'actions' | 'input';

const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const MULTI_SELECTS = SELECTS.map((s) => `multi_${s}`);
const TEXT_INPUTS = ['plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input'];
const CHOICES = ['checkboxes', 'radio_buttons'];
const PICKERS = ['datepicker', 'timepicker', 'datetimepicker'];

const ALLOWED: Record<Slot, Set<string>> = {
  accessory: new Set(['button', 'image', 'overflow', 'workflow_button', ...SELECTS, ...MULTI_SELECTS, ...CHOICES, 'datepicker', 'timepicker']),
  actions: new Set(['button', 'overflow', 'workflow_button', ...SELECTS, ...MULTI_SELECTS, ...CHOICES, ...PICKERS, 'rich_text_input']),
  input: new Set([...SELECTS, ...MULTI_SELECTS, ...CHOICES, ...PICKERS, ...TEXT_INPUTS, 'file_input']),
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateElement(p: Problems, el: unknown, ptr: string, slot: Slot): void {
  if (!isObject(el)) return p.add(ptr, 'must be an element object');
  if (typeof el.type !== 'string' || !ALLOWED[slot].has(el.type)) {
    return p.add(`${ptr}/type`, `unsupported type: ${String(el.type)}`);
  }
  p.maxString(el.action_id, `${ptr}/action_id`, 255);
  p.confirm(el.confirm, `${ptr}/confirm`);
  if (el.placeholder !== undefined) p.text(el.placeholder, `${ptr}/placeholder`, { max: 150, plainOnly: true });

  switch (el.type) {
    case 'button':
    case 'workflow_button':
      p.text(el.text, `${ptr}/text`, { max: 75, plainOnly: true, required: true });
      p.maxString(el.value, `${ptr}/value`, 2000);
      p.maxString(el.url, `${ptr}/url`, 3000);
      p.maxString(el.accessibility_label, `${ptr}/accessibility_label`, 75);
      if (el.style !== undefined && !['primary', 'danger'].includes(el.style)) p.add(`${ptr}/style`, 'must be primary or danger');
      return;
    case 'image':
      if (el.image_url === undefined && el.slack_file === undefined) p.add(`${ptr}/image_url`, 'missing required field: image_url');
      p.maxString(el.image_url, `${ptr}/image_url`, 3000);
      if (typeof el.alt_text !== 'string') p.add(`${ptr}/alt_text`, 'missing required field: alt_text');
      return;
    case 'overflow':
      if (p.maxItems(el.options, `${ptr}/options`, 5, 2)) el.options.forEach((o: unknown, i: number) => p.option(o, `${ptr}/options/${i}`, true));
      else p.add(`${ptr}/options`, 'missing required field: options');
      return;
    case 'checkboxes':
    case 'radio_buttons':
      if (p.maxItems(el.options, `${ptr}/options`, 10, 1)) el.options.forEach((o: unknown, i: number) => p.option(o, `${ptr}/options/${i}`, false));
      else p.add(`${ptr}/options`, 'missing required field: options');
      return;
    case 'static_select':
    case 'multi_static_select':
      return validateStaticOptions(p, el, ptr);
    case 'plain_text_input':
      for (const key of ['min_length', 'max_length'] as const) {
        if (el[key] !== undefined && (typeof el[key] !== 'number' || el[key] < 0 || el[key] > 3000)) {
          p.add(`${ptr}/${key}`, 'must be a number between 0 and 3000');
        }
      }
      p.maxString(el.initial_value, `${ptr}/initial_value`, 3000);
      return;
    case 'datepicker':
      if (el.initial_date !== undefined && !DATE.test(String(el.initial_date))) p.add(`${ptr}/initial_date`, 'must be YYYY-MM-DD');
      return;
    case 'timepicker':
      if (el.initial_time !== undefined && !TIME.test(String(el.initial_time))) p.add(`${ptr}/initial_time`, 'must be HH:mm');
      return;
    default:
      if (MULTI_SELECTS.includes(el.type) && el.max_selected_items !== undefined && !(el.max_selected_items >= 1)) {
        p.add(`${ptr}/max_selected_items`, 'must be at least 1');
      }
  }
}

function validateStaticOptions(p: Problems, el: Record<string, any>, ptr: string): void {
  if (el.options !== undefined && el.option_groups !== undefined) {
    p.add(ptr, 'must provide either options or option_groups, not both');
  }
  if (p.maxItems(el.options, `${ptr}/options`, 100, 1)) {
    el.options.forEach((o: unknown, i: number) => p.option(o, `${ptr}/options/${i}`, true));
  } else if (p.maxItems(el.option_groups, `${ptr}/option_groups`, 100, 1)) {
    el.option_groups.forEach((g: any, gi: number) => {
      const gp = `${ptr}/option_groups/${gi}`;
      p.text(g?.label, `${gp}/label`, { max: 75, plainOnly: true, required: true });
      if (p.maxItems(g?.options, `${gp}/options`, 100, 1)) g.options.forEach((o: unknown, i: number) => p.option(o, `${gp}/options/${i}`, true));
    });
  } else if (el.options === undefined && el.option_groups === undefined) {
    p.add(`${ptr}/options`, 'missing required field: options');
  }
}
