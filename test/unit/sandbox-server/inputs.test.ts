/**
 * What the sandbox page's controls hold, turned into what SlackDriver takes for each element: the page's
 * strings become Slack's shapes (several values for multi-selects and checkboxes, null for an empty control,
 * epoch seconds in the person's zone for a datetimepicker), and a submission leaves out blocks the view lacks.
 */
import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { driverValue, submissionInputs } from '../../../src/sandbox/inputs';

describe('driverValue', () => {
  it('gives multi-selects and checkboxes a list, even of one value or none', () => {
    expect(driverValue({ type: 'checkboxes' }, 'share', 'UTC')).toEqual(['share']);
    expect(driverValue({ type: 'multi_static_select' }, ['a', 'b'], 'UTC')).toEqual(['a', 'b']);
    expect(driverValue({ type: 'multi_users_select' }, null, 'UTC')).toEqual([]);
  });

  it('gives an empty control null, as Slack sends it', () => {
    expect(driverValue({ type: 'plain_text_input' }, '', 'UTC')).toBeNull();
    expect(driverValue({ type: 'static_select' }, null, 'UTC')).toBeNull();
    expect(driverValue({ type: 'datepicker' }, undefined, 'UTC')).toBeNull();
  });

  it("reads a datetime-local value in the person's zone, as epoch seconds", () => {
    expect(driverValue({ type: 'datetimepicker' }, '2026-12-09T10:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 9, 15, 0) / 1000);
    expect(driverValue({ type: 'datetimepicker' }, 'not a date', 'UTC')).toBeNull();
  });

  it('passes any other value on as the page holds it', () => {
    expect(driverValue({ type: 'users_select' }, 'UTHEO', 'UTC')).toBe('UTHEO');
    expect(driverValue({ type: 'timepicker' }, '10:00', 'UTC')).toBe('10:00');
  });
});

describe('submissionInputs', () => {
  it('keeps the input blocks the view has, keyed by block_id, and drops the rest', () => {
    const view = {
      blocks: [
        { type: 'input', block_id: 'title', element: { type: 'plain_text_input', action_id: 't' } },
        { type: 'input', block_id: 'share', element: { type: 'checkboxes', action_id: 's' } },
        { type: 'section', block_id: 'intro' },
      ],
    } as unknown as StoredView;
    expect(submissionInputs(view, { title: 'A goal', share: [], intro: 'x', stray: 'y' }, 'UTC')).toEqual({ title: 'A goal', share: [] });
  });
});
