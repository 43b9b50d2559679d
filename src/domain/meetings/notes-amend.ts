import type { ActionItem } from '../../db/schema';
import type { ParsedActionItem } from './action-item-lines';

/**
 * Amending saved notes: the action items are shown again as the lines they were typed as, and the
 * amended lines are matched back to the items they came from, so an item whose line did not change
 * keeps its id and its tick (and stays wherever it was carried over).
 */

/** One line per item, as the notes modal reads it: "me" and "you" from the reader's side, the due date after "by". */
export function actionItemLinesFor(items: readonly Pick<ActionItem, 'owner_id' | 'body' | 'due_on'>[], readerId: string): string {
  return items.map((item) => `${item.owner_id === readerId ? 'me' : 'you'}: ${item.body}${item.due_on ? ` by ${item.due_on}` : ''}`).join('\n');
}

export interface AmendedItems {
  /** Items whose line is still there (same owner and text): kept, with the due date the line now gives. */
  kept: Array<{ item: ActionItem; dueOn: string | null }>;
  /** Lines that match no item: new items. */
  added: ParsedActionItem[];
  /** Items whose line is gone: deleted. */
  removed: ActionItem[];
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Matches each amended line to an unmatched item of the same owner and text, in order. */
export function matchAmendedItems(existing: readonly ActionItem[], lines: readonly ParsedActionItem[]): AmendedItems {
  const left = [...existing];
  const kept: AmendedItems['kept'] = [];
  const added: ParsedActionItem[] = [];
  for (const line of lines) {
    const index = left.findIndex((item) => item.owner_id === line.ownerId && sameText(item.body, line.body));
    if (index === -1) added.push(line);
    else kept.push({ item: left.splice(index, 1)[0]!, dueOn: line.dueOn });
  }
  return { kept, added, removed: left };
}

/** The earliest day a due date may be set to: today, or an earlier one an item already had (amending keeps it). */
export function earliestDueDate(today: string, items: readonly Pick<ActionItem, 'due_on'>[]): string {
  return items.reduce((earliest, item) => (item.due_on && item.due_on < earliest ? item.due_on : earliest), today);
}
