/**
 * Block elements. Outside input blocks (actions, section accessories) an element is an action: it
 * carries the hooks the page's script posts back (data-action-id, data-block-id, data-value,
 * data-confirm). Inside an input block the same controls are form fields named after the block
 * (inputs.ts); both go through `controlHtml` so a select looks the same wherever it sits.
 */
import { DateTime } from 'luxon';
import { attr, escapeHtml, link, safeUrl } from './escape';
import type { Json, RenderContext } from './index';
import { richTextPlain } from './rich-text';
import { plainHtml, plainString, textToHtml } from './text';

/** How a control is wired: its form name, an id for its label, and extra attributes (hooks). */
export interface Slot {
  name: string;
  id?: string;
  /** The label's id, for a group of checkboxes or radio buttons (a <label for> names one control only). */
  labelId?: string;
  hooks: string;
}

export const unsupported = (what: string): string => `<span class="unsupported">[unsupported ${escapeHtml(what)}]</span>`;

/** An element outside input blocks. */
export function elementHtml(el: Json, blockId: string | undefined, ctx: RenderContext): string {
  const hooks = attr('data-action-id', el.action_id) + attr('data-block-id', blockId) + attr('data-element-type', el.type);
  switch (el.type) {
    case 'button':
    case 'workflow_button':
      return buttonHtml(el, hooks, ctx);
    case 'overflow':
      return overflowHtml(el, hooks, ctx);
    case 'image':
      return imageHtml(el, 'image-element');
    default:
      return controlHtml(el, ctx, { name: `${blockId ?? ''}.${String(el.action_id ?? '')}`, hooks: hooks + confirmAttr(el.confirm, ctx) });
  }
}

/** Slack's confirm dialog, for the page to show before it posts the action; its text is already HTML. */
function confirmAttr(confirm: Json | undefined, ctx: RenderContext): string {
  if (!confirm) return '';
  const dialog = {
    title: plainString(confirm.title) || 'Are you sure?',
    text: textToHtml(confirm.text, ctx),
    confirm: plainString(confirm.confirm) || 'Yes',
    deny: plainString(confirm.deny) || 'Cancel',
    style: confirm.style === 'danger' ? 'danger' : 'primary',
  };
  return attr('data-confirm', JSON.stringify(dialog));
}

function buttonHtml(el: Json, hooks: string, ctx: RenderContext): string {
  const style = el.style === 'primary' || el.style === 'danger' ? el.style : 'default';
  const common = `class="btn btn-${style}"${hooks}${attr('data-value', el.value)}${attr('aria-label', el.accessibility_label)}${confirmAttr(el.confirm, ctx)}`;
  const url = safeUrl(el.url);
  // Slack opens the URL and still sends block_actions, so a link button keeps the hooks.
  if (url) return link(url, plainHtml(el.text), ` ${common}`);
  return `<button type="button" ${common}>${plainHtml(el.text)}</button>`;
}

function overflowHtml(el: Json, hooks: string, ctx: RenderContext): string {
  const confirm = confirmAttr(el.confirm, ctx);
  const items = ((el.options ?? []) as Json[]).map(
    (o) =>
      `<button type="button" class="overflow-item"${hooks}${attr('data-value', o.value)}${attr('data-url', safeUrl(o.url))}${confirm}>${plainHtml(o.text)}</button>`,
  );
  return `<details class="overflow"><summary aria-label="More actions">⋯</summary><div class="overflow-menu">${items.join('')}</div></details>`;
}

export function imageHtml(el: Json, cls: string): string {
  const url = String(el.image_url ?? '');
  if (!/^https?:\/\//i.test(url)) return `<span class="${cls} image-missing">[image: ${escapeHtml(el.alt_text)}]</span>`;
  return `<img class="${cls}" src="${escapeHtml(url)}"${attr('alt', el.alt_text ?? '')}>`;
}

interface Choice {
  value: string;
  label: string;
}

/** Every form control: selects, pickers, checkboxes, radio buttons and text inputs. */
export function controlHtml(el: Json, ctx: RenderContext, slot: Slot): string {
  const base = `${attr('name', slot.name)}${attr('id', slot.id)}${slot.hooks}${attr('autofocus', el.focus_on_load === true)}`;
  const placeholder = attr('placeholder', el.placeholder ? plainString(el.placeholder) : undefined);
  const input = (type: string, value: unknown, extra = ''): string => `<input type="${type}"${base}${attr('value', value as string)}${placeholder}${extra}>`;
  switch (el.type) {
    case 'static_select':
    case 'external_select':
    case 'multi_static_select':
    case 'multi_external_select':
      return selectHtml(el, base, staticChoices(el), [el.initial_option?.value, ...((el.initial_options ?? []) as Json[]).map((o) => o.value)]);
    case 'users_select':
    case 'multi_users_select':
      return selectHtml(
        el,
        base,
        withInitial(ctx.directory.users(), [el.initial_user, ...(el.initial_users ?? [])], (id) => ctx.directory.user(id)?.name),
        [el.initial_user, ...(el.initial_users ?? [])],
      );
    case 'conversations_select':
    case 'multi_conversations_select':
    case 'channels_select':
    case 'multi_channels_select': {
      const chosen = [el.initial_conversation, el.initial_channel, ...(el.initial_conversations ?? []), ...(el.initial_channels ?? [])];
      return selectHtml(
        el,
        base,
        withInitial(ctx.directory.channels(), chosen, (id) => ctx.directory.channel(id)?.name),
        chosen,
      );
    }
    case 'checkboxes':
    case 'radio_buttons':
      return choicesHtml(el, slot, ctx);
    case 'datepicker':
      return input('date', el.initial_date);
    case 'timepicker':
      return input('time', el.initial_time);
    case 'datetimepicker': {
      const initial = typeof el.initial_date_time === 'number' ? DateTime.fromSeconds(el.initial_date_time, { zone: ctx.viewerTz }) : undefined;
      return input('datetime-local', initial?.isValid ? initial.toFormat("yyyy-MM-dd'T'HH:mm") : undefined, attr('data-tz', ctx.viewerTz));
    }
    case 'plain_text_input':
      return el.multiline ? textareaHtml(base, placeholder, el.initial_value) : input('text', el.initial_value);
    case 'rich_text_input':
      return textareaHtml(base, placeholder, el.initial_value ? richTextPlain(el.initial_value) : undefined);
    case 'number_input':
      return input('number', el.initial_value, `${attr('step', el.is_decimal_allowed ? 'any' : '1')}${attr('min', el.min_value)}${attr('max', el.max_value)}`);
    case 'email_text_input':
      return input('email', el.initial_value);
    case 'url_text_input':
      return input('url', el.initial_value);
    default:
      return unsupported(`element: ${String(el.type)}`);
  }
}

const textareaHtml = (base: string, placeholder: string, value: unknown): string =>
  `<textarea rows="4"${base}${placeholder}>${escapeHtml(value ?? '')}</textarea>`;

function staticChoices(el: Json): (Choice | { group: string; options: Choice[] })[] {
  const choice = (o: Json): Choice => ({ value: String(o.value ?? ''), label: plainString(o.text) });
  if (Array.isArray(el.option_groups))
    return (el.option_groups as Json[]).map((g) => ({ group: plainString(g.label), options: ((g.options ?? []) as Json[]).map(choice) }));
  const options = ((el.options ?? []) as Json[]).map(choice);
  // An external select's options come from the app on demand; the sandbox shows what it was given.
  const initial = ((el.initial_options ?? (el.initial_option ? [el.initial_option] : [])) as Json[]).map(choice);
  return [...options, ...initial.filter((i) => !options.some((o) => o.value === i.value))];
}

/** Directory entries as choices, plus any initial id the directory does not list (shown by name or id). */
function withInitial(entries: { id: string; name: string }[], initial: unknown[], nameOf: (id: string) => string | undefined): Choice[] {
  const choices = entries.map((e) => ({ value: e.id, label: e.name }));
  for (const id of initial) {
    if (typeof id === 'string' && !choices.some((c) => c.value === id)) choices.push({ value: id, label: nameOf(id) ?? id });
  }
  return choices;
}

function selectHtml(el: Json, base: string, choices: (Choice | { group: string; options: Choice[] })[], initial: unknown[]): string {
  const selected = new Set(initial.filter((v): v is string => typeof v === 'string'));
  const multiple = String(el.type).startsWith('multi_');
  const option = (c: Choice): string => `<option${attr('value', c.value)}${attr('selected', selected.has(c.value))}>${escapeHtml(c.label)}</option>`;
  const body = choices.map((c) => ('group' in c ? `<optgroup${attr('label', c.group)}>${c.options.map(option).join('')}</optgroup>` : option(c))).join('');
  const placeholder = plainString(el.placeholder) || (multiple ? 'Select options' : 'Select an item');
  if (multiple) return `<select multiple${base}${attr('data-placeholder', placeholder)}>${body}</select>`;
  return `<select${base}><option value=""${attr('selected', selected.size === 0)}>${escapeHtml(placeholder)}</option>${body}</select>`;
}

function choicesHtml(el: Json, slot: Slot, ctx: RenderContext): string {
  const type = el.type === 'checkboxes' ? 'checkbox' : 'radio';
  const chosen = new Set(((el.initial_options ?? (el.initial_option ? [el.initial_option] : [])) as Json[]).map((o) => String(o.value)));
  const items = ((el.options ?? []) as Json[]).map((o) => {
    const description = o.description ? `<span class="choice-description">${textToHtml(o.description, ctx)}</span>` : '';
    const box = `<input type="${type}"${attr('name', slot.name)}${attr('value', o.value)}${attr('checked', chosen.has(String(o.value)))}>`;
    return `<label class="choice">${box}<span class="choice-text">${textToHtml(o.text, ctx)}</span>${description}</label>`;
  });
  return `<div class="${el.type === 'checkboxes' ? 'checkboxes' : 'radio-buttons'}" role="group"${attr('id', slot.id)}${attr('aria-labelledby', slot.labelId)}${slot.hooks}>${items.join('')}</div>`;
}
