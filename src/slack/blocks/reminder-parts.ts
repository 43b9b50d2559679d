import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { formatLocalDate } from '../../domain/time/zoned';
import { ReminderActions } from '../ids';
import { accessibilityLabel, escapeText, mention, mrkdwn, plain, truncate } from './text';

/** The pieces every reminder shares: lists of typed text, and the footer with "Reminder settings". */
export interface ListedAction {
  id: string;
  body: string;
  dueOn: string | null;
  ownerId: string;
}

const MAX_LINES = 10;
const LINE_CHARS = 200;

export const AGENDA_LABELS: Record<string, string> = {
  topic: 'Topic',
  question: 'Question',
  feedback_area: 'Feedback on',
  highlight: 'Achievement or challenge',
  material: 'Material',
  carry_over: 'Carried over',
  wrap_up: 'Wrap-up',
};

/** Everything people typed is escaped and cut: it reaches Slack as text, never as a mention. */
export function agendaLines(items: ReadonlyArray<{ kind: string; body: string }>, max = MAX_LINES): string {
  const lines = items.slice(0, max).map((item) => `• _${AGENDA_LABELS[item.kind] ?? 'Item'}:_ ${escapeText(truncate(item.body, LINE_CHARS))}`);
  if (items.length > max) lines.push(`_…and ${items.length - max} more_`);
  return lines.join('\n');
}

export function actionLines(items: readonly ListedAction[], max = MAX_LINES): string {
  const lines = items.slice(0, max).map((item) => {
    const due = item.dueOn ? ` (due ${formatLocalDate(item.dueOn)})` : '';
    return `• ${escapeText(truncate(item.body, LINE_CHARS))}${due}, ${mention(item.ownerId)}`;
  });
  if (items.length > max) lines.push(`_…and ${items.length - max} more_`);
  return lines.join('\n');
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger', label?: string): Button {
  return {
    type: 'button',
    text: plain(text, 75),
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
    ...(label ? { accessibility_label: accessibilityLabel(label) } : {}),
  };
}

export function actionsBlock(elements: Button[]): ActionsBlock {
  return { type: 'actions', block_id: ReminderActions.actionsBlock, elements };
}

/** The context line every reminder ends with, and the button that opens the reminder settings. */
export function footer(note: string): KnownBlock[] {
  return [
    { type: 'context', elements: [mrkdwn(`${note} Pause them or change the lead time in your reminder settings.`)] },
    { type: 'actions', block_id: ReminderActions.footerBlock, elements: [button('Reminder settings', ReminderActions.openSettings, 'settings')] },
  ];
}

export const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

/** "24 hours", "90 minutes", "2 days". */
export function describeLead(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '24 hours' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}
