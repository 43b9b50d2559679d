/**
 * Builds `view.state.values` for a view_submission the way Slack's client does, and applies the checks
 * the client makes before anything reaches the app (required fields, length and number bounds). Inputs
 * are keyed by block_id; a key that names no input block is a test bug and throws.
 */
import type { Json, StoredView } from '../slack-stand-in';
import { isFilled, stateFor } from './elements';

export interface Submission {
  values: StoredView['state']['values'];
  clientErrors: Record<string, string>;
  /** Inputs with response_url_enabled: Slack sends a response_url per selected conversation. */
  responseUrlTargets: { block_id: string; action_id: string; channel_id: string }[];
}

export function buildSubmission(view: StoredView, inputs: Record<string, unknown>): Submission {
  const inputBlocks = view.blocks.filter((b) => b.type === 'input' && b.element);
  const known = new Set(inputBlocks.map((b) => b.block_id as string));
  const unknown = Object.keys(inputs).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`No input block(s) ${unknown.join(', ')} in view ${view.id}; inputs are: ${[...known].join(', ')}`);

  // Start from what the user already picked (clickInView), as Slack keeps it in view.state.
  const values: Submission['values'] = structuredClone(view.state.values);
  const clientErrors: Record<string, string> = {};
  const responseUrlTargets: Submission['responseUrlTargets'] = [];
  for (const block of inputBlocks) {
    const el: Json = block.element;
    const blockId = String(block.block_id);
    const existing = values[blockId]?.[el.action_id];
    const state = blockId in inputs || !existing ? stateFor(el, inputs[blockId]) : existing;
    values[blockId] = { [el.action_id]: state };
    const problem = clientCheck(el, state, block.optional === true);
    if (problem) clientErrors[blockId] = problem;
    const selected = state.selected_conversation ?? state.selected_channel;
    if (el.response_url_enabled && typeof selected === 'string') responseUrlTargets.push({ block_id: blockId, action_id: el.action_id, channel_id: selected });
  }
  return { values, clientErrors, responseUrlTargets };
}

function clientCheck(el: Json, state: Json, optional: boolean): string | undefined {
  if (!isFilled(state)) return optional ? undefined : 'Please complete this required field.';
  const value = typeof state.value === 'string' ? state.value : undefined;
  if (value === undefined) return undefined;
  if (el.type === 'plain_text_input') {
    if (el.min_length !== undefined && value.length < el.min_length) return `Must be at least ${el.min_length} characters`;
    if (el.max_length !== undefined && value.length > el.max_length) return `Must be at most ${el.max_length} characters`;
  }
  if (el.type === 'number_input') {
    const n = Number(value);
    if (value.trim() === '' || Number.isNaN(n)) return 'Must be a number';
    if (!el.is_decimal_allowed && !Number.isInteger(n)) return 'Must be a whole number';
    if (el.min_value !== undefined && n < Number(el.min_value)) return `Must be at least ${el.min_value}`;
    if (el.max_value !== undefined && n > Number(el.max_value)) return `Must be at most ${el.max_value}`;
  }
  if (el.type === 'email_text_input' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return 'Enter a valid email address';
  return undefined;
}
