import type { InputBlock, KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import { DateTime } from 'luxon';
import type { GoalStatus } from '../../db/schema';
import { OBJECTIVE_MAX, SMART_TEXT_MAX, TITLE_MAX } from '../../domain/goals/goal-rules';
import type { GoalView } from '../../domain/goals/goal-view';
import { formatKeyResults, formatMilestones, MAX_KEY_RESULTS } from '../../domain/goals/progress-lines';
import { formatLocalDate } from '../../domain/time/zoned';
import { GoalModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { mrkdwn, plain } from './text';

const { blocks: b, actions: a } = GoalModal;

/** What the form shows in each field: empty for a new goal, the goal's own text for an edit. */
export interface GoalFormValues {
  title?: string;
  specific?: string;
  measurable?: string;
  achievable?: string;
  relevant?: string;
  objective?: string;
  targetDate: string;
  keyResults?: string;
  milestones?: string;
}

export interface GoalModalInput {
  pairId: string;
  /** Set when editing; who is editing decides how the approval note reads. */
  goal?: { id: string; status: GoalStatus; viewerIsMentor?: boolean };
  values: GoalFormValues;
  plannedEnd: string;
  /** A gentle note, e.g. about having five goals already. */
  advice?: string | null;
  /** Where the person opened the modal from, to show them the list again afterwards. */
  originChannelId?: string;
}

/** Three months out, but never past the mentorship's planned end: a sensible first target. */
export function defaultTargetDate(today: string, plannedEnd: string): string {
  const threeMonths = DateTime.fromISO(today, { zone: 'UTC' }).plus({ months: 3 }).toISODate() ?? today;
  return threeMonths < plannedEnd ? threeMonths : plannedEnd;
}

export function formValuesOf(goal: GoalView): GoalFormValues {
  const keyResults = goal.items.filter((item) => item.kind === 'key_result');
  const milestones = goal.items.filter((item) => item.kind === 'milestone');
  return {
    title: goal.title,
    specific: goal.specific ?? undefined,
    measurable: goal.measurable ?? undefined,
    achievable: goal.achievable ?? undefined,
    relevant: goal.relevant ?? undefined,
    objective: goal.objective ?? undefined,
    targetDate: goal.targetDate,
    keyResults: formatKeyResults(keyResults.map((item) => ({ title: item.title, target: item.target }))) || undefined,
    milestones: formatMilestones(milestones.map((item) => ({ title: item.title, dueDate: item.dueDate ?? '' }))) || undefined,
  };
}

function textInput(
  blockId: string,
  actionId: string,
  label: string,
  options: { initial?: string; max: number; multiline?: boolean; optional?: boolean; placeholder?: string; hint?: string },
): InputBlock {
  const element: PlainTextInput = { type: 'plain_text_input', action_id: actionId, max_length: options.max, multiline: options.multiline ?? false };
  if (options.initial) element.initial_value = options.initial.slice(0, options.max);
  if (options.placeholder) element.placeholder = plain(options.placeholder, 150);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional: options.optional ?? false,
    element,
    ...(options.hint ? { hint: plain(options.hint) } : {}),
  };
}

/** The mentor approves goals: a mentor editing one approves it again, a mentee sends it back to them. */
const approvalNote = (viewerIsMentor: boolean): string =>
  viewerIsMentor ? 'Changing what it says means approving it again in the goals channel' : 'Changing what it says sends it back to your mentor for approval';

export function goalModal(input: GoalModalInput): ModalView {
  const { values } = input;
  const editing = input.goal !== undefined;
  const blocks: KnownBlock[] = [];
  if (input.advice) blocks.push({ type: 'context', elements: [mrkdwn(`:seedling: ${input.advice}`)] });
  if (input.goal?.status === 'approved') {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`:information_source: This goal is approved. ${approvalNote(input.goal.viewerIsMentor === true)}; progress is kept.`)],
    });
  }
  blocks.push({
    type: 'section',
    block_id: b.swot,
    text: mrkdwn(
      '*A SMART goal* is specific, measurable, achievable, relevant and time-bound. Not sure what to aim for? The SWOT self-assessment helps pick goals.',
    ),
    accessory: { type: 'button', action_id: a.openSwot, text: plain('Open the SWOT', 75), value: input.pairId },
  });
  blocks.push(
    textInput(b.title, a.title, 'Goal (a short title)', { initial: values.title, max: TITLE_MAX, placeholder: 'e.g. Lead a design review' }),
    textInput(b.specific, a.specific, 'Specific: what exactly will you accomplish?', { initial: values.specific, max: SMART_TEXT_MAX, multiline: true }),
    textInput(b.measurable, a.measurable, 'Measurable: how will you measure progress?', { initial: values.measurable, max: SMART_TEXT_MAX, multiline: true }),
    textInput(b.achievable, a.achievable, 'Achievable: why is it realistic?', {
      initial: values.achievable,
      max: SMART_TEXT_MAX,
      multiline: true,
      optional: true,
    }),
    textInput(b.relevant, a.relevant, 'Relevant: why does it matter for your career?', {
      initial: values.relevant,
      max: SMART_TEXT_MAX,
      multiline: true,
      optional: true,
    }),
    {
      type: 'input',
      block_id: b.targetDate,
      label: plain('Time-bound: target date'),
      element: { type: 'datepicker', action_id: a.targetDate, initial_date: values.targetDate },
      hint: plain(`After today, and no later than the end of the mentorship (${formatLocalDate(input.plannedEnd)}).`),
    },
    { type: 'divider' },
    { type: 'section', text: mrkdwn('*Optional:* an objective with up to five key results, and milestones on the way.') },
    textInput(b.objective, a.objective, 'Objective', {
      initial: values.objective,
      max: OBJECTIVE_MAX,
      optional: true,
      placeholder: 'e.g. Become the go-to person for our API design',
    }),
    textInput(b.keyResults, a.keyResults, `Key results (up to ${MAX_KEY_RESULTS}, one per line)`, {
      initial: values.keyResults,
      max: 1000,
      multiline: true,
      optional: true,
      placeholder: 'Ship 3 features = 3',
      hint: 'A number to reach: "Ship 3 features = 3". Done or not: "Give a team talk".',
    }),
    textInput(b.milestones, a.milestones, 'Milestones (one per line)', {
      initial: values.milestones,
      max: 1500,
      multiline: true,
      optional: true,
      placeholder: '2027-01-15 Draft the design doc',
      hint: 'The date first (YYYY-MM-DD), then what happens by then; no later than the target date.',
    }),
  );
  if (!input.goal || input.goal.status === 'draft' || input.goal.status === 'changes_requested') {
    blocks.push({
      type: 'input',
      block_id: b.shareNow,
      optional: true,
      label: plain('Approval'),
      element: {
        type: 'checkboxes',
        action_id: a.shareNow,
        options: [{ text: plain('Share it in the goals channel for approval now', 75), value: GoalModal.shareNowValue }],
      },
      hint: plain('Or save it as a draft and share it later from /mentorship goals.'),
    });
  }
  return {
    type: 'modal',
    callback_id: GoalModal.callbackId,
    // `channelId`: where the person opened it, so the goal list comes back there after saving.
    private_metadata: encodeMetadata({ pairId: input.pairId, goalId: input.goal?.id, channelId: input.originChannelId }),
    title: plain(editing ? 'Edit goal' : 'New goal', 24),
    submit: plain('Save goal', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
