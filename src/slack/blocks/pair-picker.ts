import type { InputBlock } from '@slack/types';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { PairPicker } from '../ids';
import { plain } from './text';

/**
 * For someone in several pairs, the first input of a modal asks which pair it is about, listing each
 * by the other person's name. `names` maps user ids to display names.
 */
export function pairPickerBlock(choices: readonly PairChoice[], names: Record<string, string>, selectedPairId?: string): InputBlock {
  const options = choices.slice(0, 100).map((choice) => ({
    text: plain(`${choice.role === 'mentor' ? 'Mentee' : 'Mentor'}: ${names[choice.otherId] ?? choice.otherId}`, 75),
    value: choice.pair.id,
  }));
  const initial = options.find((option) => option.value === selectedPairId);
  return {
    type: 'input',
    block_id: PairPicker.blockId,
    label: plain('Which mentorship?'),
    element: { type: 'static_select', action_id: PairPicker.actionId, options, ...(initial ? { initial_option: initial } : {}) },
  };
}
