import { FeedbackModal, JournalModal, PairPicker, ResourceModal } from '../../../../src/slack/ids';
import { readFeedbackRequestForm, readFeedbackStepForm } from '../../../../src/slack/inputs/feedback-form';
import { readJournalForm } from '../../../../src/slack/inputs/journal-form';
import { modalSource } from '../../../../src/slack/inputs/origin';
import { readExploredForm, readResourceAddForm } from '../../../../src/slack/inputs/resource-form';

const PAIR = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const text = (blockId: string, actionId: string, value: string) => ({ [blockId]: { [actionId]: { type: 'plain_text_input', value } } });
const picked = (value: string) => ({ [PairPicker.blockId]: { [PairPicker.actionId]: { type: 'static_select', selected_option: { value } } } });
const modal = (metadata: Record<string, unknown>, picker = false) => ({
  private_metadata: JSON.stringify(metadata),
  blocks: picker ? [{ block_id: PairPicker.blockId }] : [],
});
const { request: r, answer: an, apply: ap } = FeedbackModal;

describe('the feedback request form', () => {
  it('takes the pair the modal was opened for, or the one picked, and the typed area and question', () => {
    const values = { ...text(r.blocks.area, r.actions.area, ' demos '), ...text(r.blocks.question, r.actions.question, 'How?') };
    expect(readFeedbackRequestForm(modal({ pairId: PAIR }), values)).toEqual({ ok: true, value: { pairId: PAIR, area: 'demos', question: 'How?' } });
    expect(readFeedbackRequestForm(modal({}, true), { ...values, ...picked(OTHER) })).toMatchObject({ ok: true, value: { pairId: OTHER } });
  });

  it('asks for the pair under the picker, and refuses a picked value that is not an id', () => {
    expect(readFeedbackRequestForm(modal({}, true), picked('../../etc'))).toEqual({
      ok: false,
      errors: { [PairPicker.blockId]: 'Pick the mentorship this is for.' },
    });
    expect(readFeedbackRequestForm(modal({ pairId: 'nope' }), {})).toEqual({ ok: false, errors: { [r.blocks.area]: 'Pick the mentorship this is for.' } });
  });

  it('leaves text longer than any input allows to the service as missing, never as a cut', () => {
    const form = readFeedbackRequestForm(modal({ pairId: PAIR }), text(r.blocks.area, r.actions.area, 'x'.repeat(3001)));
    expect(form).toMatchObject({ ok: true, value: { area: null } });
  });
});

describe('the answer and "how I applied it" forms', () => {
  it('read the request id, the text and the source message from the modal', () => {
    const metadata = JSON.stringify({ requestId: PAIR, channelId: 'DMENTOR', messageTs: '1795312913.773000' });
    expect(readFeedbackStepForm('answer', metadata, text(an.blocks.answer, an.actions.answer, 'Shorter'))).toEqual({
      ok: true,
      value: { requestId: PAIR, text: 'Shorter', source: { channelId: 'DMENTOR', ts: '1795312913.773000' } },
    });
    expect(readFeedbackStepForm('apply', JSON.stringify({ requestId: PAIR }), text(ap.blocks.application, ap.actions.application, 'Did it'))).toEqual({
      ok: true,
      value: { requestId: PAIR, text: 'Did it', source: null },
    });
  });

  it('say the form expired, on its text field, when the metadata names no request', () => {
    expect(readFeedbackStepForm('answer', '{"requestId":"1 or 1=1"}', {})).toEqual({
      ok: false,
      errors: { [an.blocks.answer]: 'This form has expired; open the request again.' },
    });
    expect(readFeedbackStepForm('apply', 'not json', {})).toEqual({
      ok: false,
      errors: { [ap.blocks.application]: 'This form has expired; open the answer again.' },
    });
  });

  it('ignore a source message that is not shaped like one', () => {
    const metadata = JSON.stringify({ requestId: PAIR, channelId: 'not a channel', messageTs: '1.2' });
    expect(readFeedbackStepForm('answer', metadata, {})).toMatchObject({ ok: true, value: { source: null, text: null } });
  });
});

describe('the resource forms', () => {
  const { add: a, explored: x } = ResourceModal;
  const option = (blockId: string, actionId: string, value: string) => ({ [blockId]: { [actionId]: { type: 'static_select', selected_option: { value } } } });

  it('read the add form, taking "I did" when the recommender is missing or forged', () => {
    const values = {
      ...text(a.blocks.title, a.actions.title, 'Staff Engineer'),
      ...option(a.blocks.kind, a.actions.kind, 'book'),
      ...option(a.blocks.recommendedBy, a.actions.recommendedBy, 'admin'),
    };
    expect(readResourceAddForm(modal({ pairId: PAIR }), values)).toEqual({
      ok: true,
      value: { pairId: PAIR, title: 'Staff Engineer', url: null, kind: 'book', recommendedBy: 'me' },
    });
  });

  it('read the explored form, or say it expired under the takeaway', () => {
    expect(readExploredForm(JSON.stringify({ resourceId: PAIR }), text(x.blocks.takeaway, x.actions.takeaway, 'Write it down'))).toEqual({
      ok: true,
      value: { resourceId: PAIR, takeaway: 'Write it down', source: null },
    });
    expect(readExploredForm(JSON.stringify({}), {})).toEqual({ ok: false, errors: { [x.blocks.takeaway]: 'This form has expired; open the resource again.' } });
  });
});

describe('the journal form', () => {
  const { write: w } = JournalModal;
  const view = (metadata: Record<string, unknown>, values: unknown) => ({ private_metadata: JSON.stringify(metadata), state: { values } });

  it('reads the three prompts and the pair, which may be none', () => {
    const values = text(w.blocks.learned, w.actions.learned, 'Ask early');
    expect(readJournalForm(view({ pairId: PAIR }, values), values)).toEqual({
      ok: true,
      value: { wentWell: null, learned: 'Ask early', tryNext: null, pairId: PAIR },
    });
    expect(readJournalForm(view({}, values), values)).toMatchObject({ ok: true, value: { pairId: null } });
  });

  it('ties no pair to an entry whose picked value is not an id', () => {
    const values = { ...text(w.blocks.wentWell, w.actions.wentWell, 'x'), ...picked('DROP TABLE') };
    expect(readJournalForm(view({}, values), values)).toMatchObject({ ok: true, value: { pairId: null } });
  });

  it('refuses an answer longer than the inputs allow, on the first prompt', () => {
    const values = text(w.blocks.tryNext, w.actions.tryNext, 'x'.repeat(3001));
    expect(readJournalForm(view({}, values), values)).toEqual({ ok: false, errors: { [w.blocks.wentWell]: 'Keep each answer under 2000 characters.' } });
  });
});

describe('where a press came from', () => {
  it('names the pressed message for an update later, unless it was ephemeral', () => {
    expect(modalSource({ actor: { channelId: 'DMENTOR' }, messageTs: '1.2', ephemeral: false })).toEqual({ channelId: 'DMENTOR', messageTs: '1.2' });
    expect(modalSource({ actor: { channelId: 'DMENTOR' }, messageTs: '1.2', ephemeral: true })).toEqual({ channelId: 'DMENTOR', messageTs: undefined });
  });
});
