import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { REFLECTION_MAX } from '../../domain/goals/goal-rules';
import type { GoalItemView, GoalView, MessageLocation } from '../../domain/goals/goal-view';
import { formatNumber } from '../../domain/goals/progress-lines';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { GoalProgressModal, GoalReflectionModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { goalTitle, progressText } from './goal-format';
import { mrkdwn, plain, truncate } from './text';

export interface Viewer {
  timeZone: string;
  /** Display names by user id, for "updated by". */
  names: Record<string, string>;
}

/** "by Theo, Tue 24 Nov 2026, 10:00 (America/New_York)": who last changed an item, in the reader's zone. */
function lastChange(item: GoalItemView, viewer: Viewer): string {
  if (!item.updatedBy) return 'Not updated yet';
  return `Last updated by ${viewer.names[item.updatedBy] ?? item.updatedBy}, ${formatInZone(item.updatedAt, viewer.timeZone)}`;
}

function checkOptions(items: readonly GoalItemView[], label: (item: GoalItemView) => string, viewer: Viewer): PlainTextOption[] {
  return items.map((item) => ({ text: plain(label(item), 75), value: item.id, description: plain(lastChange(item, viewer), 75) }));
}

function checkboxBlock(
  blockId: string,
  actionId: string,
  label: string,
  items: readonly GoalItemView[],
  text: (item: GoalItemView) => string,
  viewer: Viewer,
): InputBlock {
  const options = checkOptions(items, text, viewer);
  const initial = options.filter((_option, index) => items[index]!.done);
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: 'checkboxes', action_id: actionId, options, ...(initial.length > 0 ? { initial_options: initial } : {}) },
  };
}

/** Key results with a number get a number field each; done/not-done ones and milestones get ticks. */
export function goalProgressModal(goal: GoalView, viewer: Viewer, originChannelId?: string): ModalView {
  const { items } = goal;
  const numeric = items.filter((item) => item.kind === 'key_result' && item.target !== null);
  const ticks = items.filter((item) => item.kind === 'key_result' && item.target === null);
  const milestones = items.filter((item) => item.kind === 'milestone');
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`${goalTitle(goal)}\nProgress: ${progressText(items)}`) }];
  for (const item of numeric) {
    blocks.push({
      type: 'input',
      block_id: GoalProgressModal.numericBlock(item.id),
      optional: true,
      label: plain(truncate(`${item.title} (target ${formatNumber(item.target ?? 0)})`, 2000)),
      element: {
        type: 'number_input',
        action_id: GoalProgressModal.numericAction,
        is_decimal_allowed: true,
        min_value: '0',
        initial_value: formatNumber(item.current),
      },
      hint: plain(lastChange(item, viewer)),
    });
  }
  if (ticks.length > 0) {
    blocks.push(checkboxBlock(GoalProgressModal.checks.block, GoalProgressModal.checks.action, 'Key results done', ticks, (item) => item.title, viewer));
  }
  if (milestones.length > 0) {
    const label = (item: GoalItemView) => `${item.dueDate ? formatLocalDate(item.dueDate) : ''}: ${item.title}`;
    blocks.push(checkboxBlock(GoalProgressModal.milestones.block, GoalProgressModal.milestones.action, 'Milestones reached', milestones, label, viewer));
  }
  const empty = items.length === 0;
  if (empty) blocks.push({ type: 'section', text: mrkdwn('This goal has no key results or milestones yet. Edit the goal to add some, then come back here.') });
  return {
    type: 'modal',
    callback_id: GoalProgressModal.callbackId,
    private_metadata: encodeMetadata({ goalId: goal.id, shown: items.map((item) => item.id), channelId: originChannelId }),
    title: plain('Update progress', 24),
    ...(empty ? {} : { submit: plain('Save progress', 24) }),
    close: plain(empty ? 'Close' : 'Cancel', 24),
    blocks,
  };
}

export function goalReflectionModal(goal: GoalView, prompt?: MessageLocation): ModalView {
  const { blocks: b, actions: a } = GoalReflectionModal;
  return {
    type: 'modal',
    callback_id: GoalReflectionModal.callbackId,
    private_metadata: encodeMetadata({ goalId: goal.id, prompt }),
    title: plain('Your reflection', 24),
    submit: plain('Save', 24),
    close: plain('Later', 24),
    blocks: [
      { type: 'section', text: mrkdwn(`:trophy: ${goalTitle(goal)}`) },
      {
        type: 'input',
        block_id: b.reflection,
        label: plain('In one line: what made it work, or what would you do differently?'),
        element: {
          type: 'plain_text_input',
          action_id: a.reflection,
          max_length: REFLECTION_MAX,
          ...(goal.reflection ? { initial_value: goal.reflection } : {}),
        },
      },
    ],
  };
}
