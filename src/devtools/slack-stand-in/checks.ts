/**
 * Small validation helpers shared by the block, element and view validators. Each pushes Slack-style
 * messages ("must be less than 3001 characters") at a JSON pointer, so a failing test shows exactly
 * which field Slack would have refused.
 */
import type { Json, Problem } from './types';

export class Problems {
  readonly list: Problem[] = [];

  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }

  /** Optional string field with a maximum length (block_id, value, url, private_metadata...). */
  maxString(value: unknown, pointer: string, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') return this.add(pointer, 'must be a string');
    if (value.length > max) this.add(pointer, `must be less than ${max + 1} characters`);
  }

  /** Optional array with a maximum number of items. */
  maxItems(value: unknown, pointer: string, max: number, min = 0): value is unknown[] {
    if (value === undefined) return false;
    if (!Array.isArray(value)) {
      this.add(pointer, 'must be an array');
      return false;
    }
    if (value.length > max) this.add(pointer, `no more than ${max} items allowed`);
    if (value.length < min) this.add(pointer, `must provide at least ${min} items`);
    return true;
  }

  /**
   * A composition text object. `plainOnly` for fields Slack types as plain_text (titles, labels, button
   * text); `max` for the field's own limit (header 150, button 75...), never above 3000.
   */
  text(value: unknown, pointer: string, opts: { max?: number; plainOnly?: boolean; required?: boolean } = {}): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(pointer, 'missing required field');
      return;
    }
    if (!isObject(value)) return this.add(pointer, 'must be a text object');
    const allowed = opts.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(value.type)) {
      this.add(`${pointer}/type`, `must be ${allowed.join(' or ')}`);
    }
    if (typeof value.text !== 'string') return this.add(`${pointer}/text`, 'missing required field: text');
    if (value.text.length < 1) this.add(`${pointer}/text`, 'must be more than 0 characters');
    const max = Math.min(opts.max ?? 3000, 3000);
    if (value.text.length > max) this.add(`${pointer}/text`, `must be less than ${max + 1} characters`);
  }

  /** Option object of selects, overflow, checkboxes and radio buttons. */
  option(value: unknown, pointer: string, plainOnly: boolean): void {
    if (!isObject(value)) return this.add(pointer, 'must be an option object');
    this.text(value.text, `${pointer}/text`, { max: 75, plainOnly, required: true });
    if (value.value === undefined) this.add(`${pointer}/value`, 'missing required field: value');
    this.maxString(value.value, `${pointer}/value`, 75);
    this.text(value.description, `${pointer}/description`, { max: 75, plainOnly });
    this.maxString(value.url, `${pointer}/url`, 3000);
  }

  /** Confirmation dialog attached to buttons and menus. */
  confirm(value: unknown, pointer: string): void {
    if (value === undefined) return;
    if (!isObject(value)) return this.add(pointer, 'must be a confirm object');
    this.text(value.title, `${pointer}/title`, { max: 100, plainOnly: true, required: true });
    this.text(value.text, `${pointer}/text`, { max: 300, required: true });
    this.text(value.confirm, `${pointer}/confirm`, { max: 30, plainOnly: true, required: true });
    this.text(value.deny, `${pointer}/deny`, { max: 30, plainOnly: true, required: true });
    if (value.style !== undefined && !['primary', 'danger'].includes(value.style)) {
      this.add(`${pointer}/style`, 'must be primary or danger');
    }
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
