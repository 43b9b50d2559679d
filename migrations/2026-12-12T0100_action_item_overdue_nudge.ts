import { statements } from './statements';

/**
 * When an overdue action item's owner was nudged (issue 15, point 7): the scheduler sets it in the same
 * transaction as it writes the nudge to the outbox, and only where it is still null, so an item is nudged
 * once whatever the number of passes or replicas. The partial index keeps the pass's search to the
 * open items not nudged yet.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `alter table action_items add column overdue_nudged_at timestamptz`,
  `create index action_items_overdue_idx on action_items (pair_id) where done_at is null and overdue_nudged_at is null`,
];

const DOWN: string[] = ['drop index if exists action_items_overdue_idx', 'alter table action_items drop column if exists overdue_nudged_at'];

export const { up, down } = statements(UP, DOWN);
