import { GoalChangesModal, GoalModal, GoalProgressModal, GoalReflectionModal, SwotModal } from '../../../../src/slack/ids';
import { parseGoalForm, readGoalForm } from '../../../../src/slack/inputs/goal-form';
import { parseProgressForm, readProgressForm } from '../../../../src/slack/inputs/goal-progress-form';
import { parseReviewValue, parseReflection, readChangesForm, readReflectionForm } from '../../../../src/slack/inputs/goal-values';
import { readSwotForm } from '../../../../src/slack/inputs/swot-form';

const { blocks: b, actions: a } = GoalModal;
const text = (value: string | null) => ({ type: 'plain_text_input', value });
const state = (extra: Record<string, unknown> = {}) => ({
  [b.title]: { [a.title]: text('  Lead a review  ') },
  [b.specific]: { [a.specific]: text('Run it') },
  [b.measurable]: { [a.measurable]: text('Two decisions') },
  [b.achievable]: { [a.achievable]: text(null) },
  [b.relevant]: { [a.relevant]: text('') },
  [b.targetDate]: { [a.targetDate]: { type: 'datepicker', selected_date: '2027-03-01' } },
  [b.objective]: { [a.objective]: text(null) },
  [b.keyResults]: { [a.keyResults]: text('Ship = 3') },
  [b.milestones]: { [a.milestones]: text('2027-01-15 Draft') },
  [b.shareNow]: { [a.shareNow]: { type: 'checkboxes', selected_options: [] } },
  ...extra,
});

describe('parseGoalForm', () => {
  it('reads a filled form into a draft, trimming text and leaving empty optional fields null', () => {
    expect(parseGoalForm(state())).toEqual({
      ok: true,
      shareNow: false,
      draft: {
        title: 'Lead a review',
        specific: 'Run it',
        measurable: 'Two decisions',
        achievable: null,
        relevant: null,
        objective: null,
        targetDate: '2027-03-01',
        keyResults: [{ title: 'Ship', target: 3, line: 1 }],
        milestones: [{ title: 'Draft', dueDate: '2027-01-15', line: 1 }],
      },
    });
  });

  it('reads the "share now" tick', () => {
    const ticked = parseGoalForm(state({ [b.shareNow]: { [a.shareNow]: { type: 'checkboxes', selected_options: [{ value: 'share' }] } } }));
    expect(ticked.ok && ticked.shareNow).toBe(true);
  });

  it('puts each problem under its own block, all at once', () => {
    const result = parseGoalForm(
      state({
        [b.title]: { [a.title]: text('x'.repeat(81)) },
        [b.specific]: { [a.specific]: text('   ') },
        [b.targetDate]: { [a.targetDate]: { type: 'datepicker', selected_date: 'soon' } },
        [b.keyResults]: { [a.keyResults]: text('Ship = many') },
        [b.milestones]: { [a.milestones]: text('Draft') },
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [b.title]: expect.stringMatching(/80 characters/),
        [b.specific]: 'Say what exactly you will accomplish.',
        [b.targetDate]: 'Pick a target date.',
        [b.keyResults]: expect.stringMatching(/^Line 1/),
        [b.milestones]: expect.stringMatching(/^Line 1/),
      },
    });
  });

  it('treats a state of the wrong shape as missing fields, not as a crash', () => {
    const result = parseGoalForm({ [b.title]: { [a.title]: { type: 'plain_text_input', value: 42 } }, junk: 'x' });
    expect(result.ok).toBe(false);
    expect(parseGoalForm('nonsense').ok).toBe(false);
  });
});

describe('parseReviewValue', () => {
  const id = '3f0c2a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';
  it('reads "<goal id>:<version>"', () => {
    expect(parseReviewValue(`${id}:7`)).toEqual({ goalId: id, version: 7 });
  });
  it.each([undefined, '', id, `${id}:`, `${id}:0`, `${id}:1.5`, `${id}:2:3`, 'not-a-uuid:2', `${id}:x`])('refuses %p', (value) => {
    expect(parseReviewValue(value)).toBeNull();
  });
});

describe('parseProgressForm', () => {
  const shown = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
  const numeric = (value: string) => ({ [GoalProgressModal.numericBlock(shown[0]!)]: { [GoalProgressModal.numericAction]: { type: 'number_input', value } } });

  it('reads numbers (a decimal comma too) and ticks, for the items the modal showed only', () => {
    const values = {
      ...numeric('2,5'),
      [GoalProgressModal.checks.block]: {
        [GoalProgressModal.checks.action]: { type: 'checkboxes', selected_options: [{ value: shown[1] }, { value: 'forged' }] },
      },
    };
    expect(parseProgressForm(values, shown)).toEqual({ ok: true, input: { shownItemIds: shown, values: { [shown[0]!]: 2.5 }, doneItemIds: [shown[1]] } });
  });

  it.each([
    ['-1', /0 or more/],
    ['abc', /Enter a number/],
    ['1e12', /too large/],
  ])('refuses %s under the item it belongs to', (value, error) => {
    const result = parseProgressForm(numeric(value), shown);
    expect(result).toEqual({ ok: false, errors: { [GoalProgressModal.numericBlock(shown[0]!)]: expect.stringMatching(error) } });
  });

  it('keeps the value of a number field left empty', () => {
    expect(parseProgressForm(numeric(''), shown)).toEqual({ ok: true, input: { shownItemIds: shown, values: {}, doneItemIds: [] } });
  });
});

describe('parseReflection', () => {
  it('accepts one line and refuses more, or none', () => {
    const field = (value: string) => ({ goal_reflection: { goal_reflection_input: { type: 'plain_text_input', value } } });
    expect(parseReflection(field('Asking early helped'))).toEqual({ ok: true, reflection: 'Asking early helped' });
    expect(parseReflection(field('one\ntwo')).ok).toBe(false);
    expect(parseReflection(field('   ')).ok).toBe(false);
  });
});

describe('the goal modals with their metadata (claims the services check)', () => {
  const goalId = '3f0c2a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';
  const pairId = '4a0c2a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';
  const comment = (text: string) => ({ [GoalChangesModal.blocks.comment]: { [GoalChangesModal.actions.comment]: { type: 'plain_text_input', value: text } } });
  const reflection = (text: string) => ({
    [GoalReflectionModal.blocks.reflection]: { [GoalReflectionModal.actions.reflection]: { type: 'plain_text_input', value: text } },
  });

  it('reads a new goal for its pair and an edit for its goal', () => {
    expect(readGoalForm(JSON.stringify({ pairId, channelId: 'C1' }), state())).toMatchObject({ ok: true, value: { target: { pairId }, shareNow: false } });
    expect(readGoalForm(JSON.stringify({ pairId, goalId }), state())).toMatchObject({ ok: true, value: { target: { goalId } } });
  });

  it('refuses forged or missing metadata under the title, after the fields are fine, and never a non-uuid id', () => {
    for (const metadata of [undefined, '{', JSON.stringify({ pairId: '<!channel>' }), JSON.stringify({ pairId, goalId: "1' or 1=1" })]) {
      expect(readGoalForm(metadata, state())).toEqual({ ok: false, errors: { [b.title]: expect.stringMatching(/out of date/) } });
    }
    expect(readGoalForm(undefined, state({ [b.title]: { [a.title]: text(' ') } }))).toEqual({
      ok: false,
      errors: { [b.title]: expect.stringMatching(/short title/) },
    });
  });

  it('reads the progress form for the goal and the items the modal showed; a refusal goes under its first input', () => {
    const shown = ['11111111-1111-4111-8111-111111111111'];
    const view = (metadata: string | undefined) => ({
      private_metadata: metadata,
      blocks: [{ type: 'section' }, { type: 'input', block_id: GoalProgressModal.numericBlock(shown[0]!) }],
    });
    const values = { [GoalProgressModal.numericBlock(shown[0]!)]: { [GoalProgressModal.numericAction]: { type: 'number_input', value: '2' } } };
    expect(readProgressForm(view(JSON.stringify({ goalId, shown })), values)).toEqual({
      ok: true,
      value: { goalId, input: { shownItemIds: shown, values: { [shown[0]!]: 2 }, doneItemIds: [] } },
    });
    expect(readProgressForm(view('junk'), values)).toEqual({
      ok: false,
      errors: { [GoalProgressModal.numericBlock(shown[0]!)]: expect.stringMatching(/out of date/) },
    });
  });

  it('reads the comment with the version and the message it was written against', () => {
    const metadata = JSON.stringify({ goalId, version: 3, channelId: 'CGOALS', ts: '1796000000.000100' });
    expect(readChangesForm(metadata, comment('Smaller'))).toEqual({
      ok: true,
      value: { goalId, version: 3, pressed: { channelId: 'CGOALS', ts: '1796000000.000100' }, comment: 'Smaller' },
    });
    expect(readChangesForm(JSON.stringify({ goalId, version: 3, channelId: 'CGOALS', ts: 'now' }), comment('Smaller')).ok).toBe(false);
    expect(readChangesForm(metadata, comment('  '))).toEqual({
      ok: false,
      errors: { [GoalChangesModal.blocks.comment]: expect.stringMatching(/Say what should change/) },
    });
  });

  it('reads the reflection with the DM prompt it came from, which is optional', () => {
    const prompt = { channelId: 'DUMENTEE', ts: '1796000000.000100' };
    expect(readReflectionForm(JSON.stringify({ goalId, prompt }), reflection('Asked early'))).toEqual({
      ok: true,
      value: { goalId, reflection: 'Asked early', prompt },
    });
    expect(readReflectionForm(JSON.stringify({ goalId }), reflection('Asked early'))).toEqual({
      ok: true,
      value: { goalId, reflection: 'Asked early', prompt: null },
    });
    expect(readReflectionForm(undefined, reflection('Asked early')).ok).toBe(false);
  });

  it('reads the SWOT for its pair, and refuses a form whose pair is not an id', () => {
    expect(readSwotForm(JSON.stringify({ pairId }), {})).toEqual({
      ok: true,
      value: { pairId, fields: { strengths: null, weaknesses: null, opportunities: null, threats: null } },
    });
    expect(readSwotForm(JSON.stringify({ pairId: 42 }), {})).toEqual({
      ok: false,
      errors: { [SwotModal.blocks.strengths]: expect.stringMatching(/out of date/) },
    });
  });
});
