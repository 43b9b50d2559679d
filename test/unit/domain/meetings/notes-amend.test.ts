import type { ActionItem } from '../../../../src/db/schema';
import type { ParsedActionItem } from '../../../../src/domain/meetings/action-item-lines';
import { actionItemLinesFor, earliestDueDate, matchAmendedItems } from '../../../../src/domain/meetings/notes-amend';

const item = (id: string, owner: string, body: string, due: string | null = null, done = false): ActionItem => ({
  id,
  team_id: 'T1',
  pair_id: 'p',
  meeting_id: 'm',
  owner_id: owner,
  body,
  due_on: due,
  done_at: done ? new Date('2026-12-02T10:00:00Z') : null,
  done_by: done ? owner : null,
  created_by: 'UMARIA',
  created_at: new Date('2026-12-01T10:00:00Z'),
  overdue_nudged_at: null,
});
const line = (owner: string, body: string, dueOn: string | null = null): ParsedActionItem => ({ ownerId: owner, body, dueOn, ownerNamed: true });

describe('amending notes: action item lines', () => {
  it('writes each item as a line from the reader’s side, with its due date', () => {
    const text = actionItemLinesFor([item('1', 'UTHEO', 'write the doc', '2026-12-07'), item('2', 'UMARIA', 'send the recording')], 'UMARIA');
    expect(text).toBe('you: write the doc by 2026-12-07\nme: send the recording');
  });

  it('keeps an item whose line is unchanged (tick and all), adds new lines and removes the lines taken out', () => {
    const done = item('1', 'UTHEO', 'write the doc', null, true);
    const gone = item('2', 'UMARIA', 'book the room');
    const moved = item('3', 'UMARIA', 'send the recording');
    const result = matchAmendedItems(
      [done, gone, moved],
      [line('UTHEO', 'Write the doc '), line('UMARIA', 'send the recording', '2026-12-20'), line('UTHEO', 'read the chapter')],
    );
    expect(result.kept).toEqual([
      { item: done, dueOn: null },
      { item: moved, dueOn: '2026-12-20' },
    ]);
    expect(result.added).toEqual([line('UTHEO', 'read the chapter')]);
    expect(result.removed).toEqual([gone]);
  });

  it('does not keep an item whose owner changed: the line is a new item', () => {
    const result = matchAmendedItems([item('1', 'UTHEO', 'write the doc')], [line('UMARIA', 'write the doc')]);
    expect(result.kept).toEqual([]);
    expect(result.added).toHaveLength(1);
    expect(result.removed).toHaveLength(1);
  });

  it('two identical lines match two items, not one twice', () => {
    const result = matchAmendedItems([item('1', 'U', 'call'), item('2', 'U', 'call')], [line('U', 'call'), line('U', 'call'), line('U', 'call')]);
    expect(result.kept.map((k) => k.item.id)).toEqual(['1', '2']);
    expect(result.added).toHaveLength(1);
  });

  it('lets an amendment keep a due date that has passed since', () => {
    expect(earliestDueDate('2026-12-10', [{ due_on: '2026-12-07' }, { due_on: null }, { due_on: '2026-12-20' }])).toBe('2026-12-07');
    expect(earliestDueDate('2026-12-10', [])).toBe('2026-12-10');
  });
});
