import type { ActionsBlock, Button } from '@slack/types';
import type { ChecklistItem, ChecklistKey } from '../../domain/home/checklist';
import type { PairSnapshot } from '../../domain/home/snapshot';
import { OpenActions } from '../ids';
import { accessibilityLabel, plain } from './text';

/**
 * The buttons the dashboard renders. They open other features' modals (ids.ts OpenActions); those
 * features register the handlers and check, again, that the clicker belongs to the pair.
 */
export type OpenAction = keyof typeof OpenActions;

export function openButton(action: OpenAction, value: string, label: string, primary = false, spoken?: string): Button {
  return {
    type: 'button',
    action_id: OpenActions[action],
    value,
    text: plain(label, 75),
    ...(primary ? { style: 'primary' as const } : {}),
    ...(spoken ? { accessibility_label: accessibilityLabel(spoken) } : {}),
  };
}

export const CHECKLIST_LABEL: Record<ChecklistKey, string> = {
  goals: '3-5 goals with target dates',
  meetings: 'Regular meetings scheduled',
  notes: 'Takeaways and action items after the last session',
  feedback: 'Feedback requested at the last meeting',
  resources: 'Two resources explored since the last meeting',
  highlight: 'One achievement or challenge shared',
  thanks: 'Appreciation at the end of the last session',
};

/**
 * The button that does a checklist item, when there is one to press (scheduling is a command). Each
 * pair's checklist has the same buttons, so each says aloud whose mentorship it acts on (`other`).
 */
export function checklistButton(item: ChecklistItem, pairId: string, other = 'your pair'): Button | null {
  switch (item.key) {
    case 'goals':
      return openButton('addGoal', pairId, 'Add a goal', false, `Add a goal to your mentorship with ${other}`);
    case 'meetings':
      return null;
    case 'notes':
      return item.meetingId ? openButton('recordNotes', item.meetingId, 'Record notes', false, `Record notes of your last meeting with ${other}`) : null;
    case 'feedback':
      return openButton('askFeedback', pairId, 'Ask for feedback', false, `Ask ${other} for feedback`);
    case 'resources':
      return openButton('addResource', pairId, 'Add a resource', false, `Add a resource to your mentorship with ${other}`);
    case 'highlight':
      return item.meetingId ? openButton('prepareAgenda', item.meetingId, 'Prepare agenda', false, `Open the agenda of your next meeting with ${other}`) : null;
    case 'thanks':
      return openButton('sayThanks', pairId, 'Say thanks', false, `Say thanks to ${other}`);
  }
}

/** The meeting "Record notes" is about: one that ended without notes, else the last held one. */
export const notesMeetingId = (pair: PairSnapshot): string | null => pair.awaitingNotes?.id ?? pair.lastHeld?.id ?? null;

/**
 * Prepare agenda, add goal, record notes, journal, thanks: the common actions of a pair. Each pair
 * shows the same row, so each button's accessibility label names the pair (by the other person's
 * name when the caller has it, else by their role).
 */
export function commonButtons(pair: PairSnapshot, otherName?: string): Button[] {
  const notes = notesMeetingId(pair);
  const other = otherName ?? `your ${pair.role === 'mentor' ? 'mentee' : 'mentor'}`;
  return [
    ...(pair.next ? [openButton('prepareAgenda', pair.next.id, 'Prepare agenda', true, `Open the agenda of your next meeting with ${other}`)] : []),
    openButton('addGoal', pair.pair.id, 'Add a goal', false, `Add a goal to your mentorship with ${other}`),
    ...(notes ? [openButton('recordNotes', notes, 'Record notes', false, `Record notes of your last meeting with ${other}`)] : []),
    openButton('writeJournal', pair.pair.id, 'Journal', false, `Write in your private journal about your mentorship with ${other}`),
    openButton('sayThanks', pair.pair.id, 'Say thanks', false, `Say thanks to ${other}`),
  ];
}

/** One actions block; Slack wants action ids unique inside it, so a repeated action keeps its first button. */
export function actionsBlock(buttons: readonly Button[]): ActionsBlock {
  const seen = new Set<string>();
  const elements = buttons.filter((button) => {
    const id = button.action_id ?? '';
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { type: 'actions', elements: elements.slice(0, 25) };
}
