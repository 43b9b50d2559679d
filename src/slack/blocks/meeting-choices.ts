import type { Checkboxes, MultiStaticSelect, PlainTextOption } from '@slack/types';
import { plain, truncate } from './text';

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

/**
 * A list of things to tick in a modal: checkboxes read best, but Slack allows only 10 of them; past
 * that, a multi-select (up to 100) holds the rest. Both report `selected_options` the same way.
 */
export function choiceElement(actionId: string, choices: readonly Choice[], initiallyTicked: boolean): Checkboxes | MultiStaticSelect {
  const options: PlainTextOption[] = choices.slice(0, 100).map((choice) => ({
    text: plain(truncate(choice.label, 75), 75),
    value: choice.value,
    ...(choice.description ? { description: plain(truncate(choice.description, 75), 75) } : {}),
  }));
  const initial = initiallyTicked ? { initial_options: options } : {};
  if (options.length <= 10) return { type: 'checkboxes', action_id: actionId, options, ...initial };
  return { type: 'multi_static_select', action_id: actionId, options, placeholder: plain('Pick the ones that apply', 150), ...initial };
}
