import type { ProgressItemKind } from '../../db/schema';

/** Where one key result or milestone stood, before or after a progress update. */
export interface ItemState {
  current: number;
  done: boolean;
}

/** One item a progress update moved, as the other person is told of it. */
export interface ProgressChange {
  kind: ProgressItemKind;
  title: string;
  /** A number to reach; null for a done/not-done key result and for milestones. */
  target: number | null;
  before: ItemState;
  after: ItemState;
}

export type ChangeVerb = 'done' | 'reopened' | 'moved';

/**
 * What happened to an item, in the words the message uses: ticked (or a numeric key result that reached
 * its target), un-ticked (or fell back below it), or a number that moved without crossing the target.
 */
export function changeVerb(change: ProgressChange): ChangeVerb {
  if (!change.before.done && change.after.done) return 'done';
  if (change.before.done && !change.after.done) return 'reopened';
  return 'moved';
}

/**
 * Whether the other person hears of a progress update. A draft is still the mentee's own work in
 * progress; once a goal has been shared with the mentor (or approved), each update is news to them.
 */
export const progressIsNews = (status: string): boolean => status !== 'draft';
