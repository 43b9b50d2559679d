import { parseAgendaForm } from '../../../../src/slack/inputs/agenda-form';
import { readMeetingForm, readRescheduleForm, readRuleForm } from '../../../../src/slack/inputs/meeting-forms';
import { parseNotesForm } from '../../../../src/slack/inputs/notes-form';
import { checkViewState } from '../../../../src/slack/inputs/view-state';
import { AgendaModal, meetingScopedBlock, NotesModal, PairPicker, RescheduleModal, RuleModal } from '../../../../src/slack/ids';

const MEETING = '00000000-0000-4000-8000-000000000002';
const PAIR = '00000000-0000-4000-8000-000000000001';
const OTHER_PAIR = '00000000-0000-4000-8000-000000000009';
const text = (value: string | null) => ({ type: 'plain_text_input', value });
const picked = (...values: string[]) => ({ type: 'checkboxes', selected_options: values.map((value) => ({ value })) });
const option = (value: string) => ({ type: 'static_select', selected_option: { value } });
const metadata = (value: unknown) => JSON.stringify(value);

describe('the reschedule form', () => {
  const { blocks: b, actions: a } = RescheduleModal;
  const values = (date: unknown, time: unknown) => ({
    [b.date]: { [a.date]: { type: 'datepicker', selected_date: date } },
    [b.time]: { [a.time]: { type: 'timepicker', selected_time: time } },
  });

  it('reads the date, the time and the meeting it was opened for', () => {
    expect(readRescheduleForm({ private_metadata: metadata({ meetingId: MEETING }), state: { values: {} } }, values('2026-12-03', '16:00'))).toEqual({
      ok: true,
      value: { meetingId: MEETING, date: '2026-12-03', time: '16:00', anyHour: false },
    });
  });

  it('moves at any hour only the time the warning asked to confirm, not another one picked after it', () => {
    const warned = { private_metadata: metadata({ meetingId: MEETING, anyHour: { date: '2026-12-03', time: '22:00' } }), state: { values: {} } };
    expect(readRescheduleForm(warned, values('2026-12-03', '22:00'))).toMatchObject({ ok: true, value: { anyHour: true } });
    expect(readRescheduleForm(warned, values('2026-12-03', '21:30'))).toMatchObject({ ok: true, value: { anyHour: false } });
  });

  it('puts a missing or malformed value under its own field', () => {
    const view = { private_metadata: metadata({ meetingId: MEETING }), state: { values: {} } };
    expect(readRescheduleForm(view, values(null, '16:00'))).toEqual({ ok: false, errors: { [b.date]: 'Pick the new date.' } });
    expect(readRescheduleForm(view, values('2026-12-03', '25:00'))).toEqual({ ok: false, errors: { [b.time]: 'Pick a time such as 10:00.' } });
  });

  it('hands a forged meeting id on as none at all, for the service to refuse', () => {
    for (const forged of ['{', metadata({ meetingId: '<!channel>' }), metadata({ pairId: PAIR })]) {
      const read = readRescheduleForm({ private_metadata: forged, state: { values: {} } }, values('2026-12-03', '16:00'));
      expect(read.ok && read.value.meetingId).toBeNull();
    }
  });
});

describe('the rhythm form', () => {
  const { blocks: b, actions: a } = RuleModal;
  const values = (duration: string) => ({
    [b.cadence]: { [a.cadence]: option('biweekly') },
    [b.time]: { [a.time]: { type: 'timepicker', selected_time: '17:30' } },
    [b.duration]: { [a.duration]: option(duration) },
    [b.fromDate]: { [a.fromDate]: { type: 'datepicker', selected_date: '2026-12-02' } },
  });

  it('reads the new rule and the pair it was opened for', () => {
    expect(readRuleForm({ private_metadata: metadata({ pairId: PAIR }), state: { values: {} } }, values('60'))).toEqual({
      ok: true,
      value: { pairId: PAIR, change: { cadence: 'biweekly', time: '17:30', meetingMinutes: 60, fromDate: '2026-12-02' } },
    });
  });

  it('refuses a length that is not one, under the length field', () => {
    expect(readRuleForm({ state: { values: {} } }, values('an hour'))).toEqual({ ok: false, errors: { [b.duration]: 'Pick the meeting length.' } });
  });
});

describe('an agenda or notes modal', () => {
  const parseTopics = (meetingId: string) => ({ ok: true as const, value: { scopedTo: meetingId } });

  it('reads the meeting it is about and hands its id to the field parser', () => {
    const view = {
      private_metadata: metadata({ meetingId: MEETING, pairId: PAIR }),
      state: { values: { [PairPicker.blockId]: { [PairPicker.actionId]: option(PAIR) } } },
    };
    expect(readMeetingForm(view, parseTopics)).toEqual({ ok: true, value: { meetingId: MEETING, form: { scopedTo: MEETING } } });
  });

  it('asks again when the picker shows another pair than the form was built for', () => {
    const view = {
      private_metadata: metadata({ meetingId: MEETING, pairId: PAIR }),
      state: { values: { [PairPicker.blockId]: { [PairPicker.actionId]: option(OTHER_PAIR) } } },
    };
    expect(readMeetingForm(view, parseTopics)).toEqual({ ok: false, errors: { [PairPicker.blockId]: expect.stringMatching(/pick it again/) } });
  });

  it('hands on no meeting when the metadata names none', () => {
    expect(readMeetingForm({ private_metadata: 'junk', state: { values: {} } }, parseTopics)).toEqual({
      ok: true,
      value: { meetingId: null, form: { scopedTo: '' } },
    });
  });
});

describe('the agenda fields', () => {
  const { blocks: b, actions: a } = AgendaModal;

  it('splits the carry-over ticks into action items and follow-ups, and drops wrap-up keys it does not know', () => {
    const values = {
      [b.topics]: { [a.topics]: text('Career path\nCode review') },
      [meetingScopedBlock(b.carryOver, MEETING)]: { [a.carryOver]: picked(`a:${PAIR}`, `f:${OTHER_PAIR}`) },
      [meetingScopedBlock(b.wrapUp, MEETING)]: { [a.wrapUp]: picked('goals', 'party') },
    };
    const read = parseAgendaForm(checkViewState(values), MEETING);
    expect(read).toMatchObject({
      ok: true,
      value: { topics: ['Career path', 'Code review'], carryActionItemIds: [PAIR], carryFollowUpIds: [OTHER_PAIR], wrapUp: ['goals'] },
    });
  });

  it("leaves the mentee's fields alone when the modal had none, and clears them when they were emptied", () => {
    const absent = parseAgendaForm(checkViewState({ [b.topics]: { [a.topics]: text('x') } }), MEETING);
    expect(absent.ok && [absent.value.feedbackFocus, absent.value.highlight]).toEqual([undefined, undefined]);
    const emptied = parseAgendaForm(
      checkViewState({ [b.feedbackFocus]: { [a.feedbackFocus]: text(null) }, [b.highlight]: { [a.highlight]: text('Shipped it') } }),
      MEETING,
    );
    expect(emptied.ok && [emptied.value.feedbackFocus, emptied.value.highlight]).toEqual([null, 'Shipped it']);
  });

  it('puts a material without a link under the materials field', () => {
    expect(parseAgendaForm({ [b.materials]: { [a.materials]: text('The design doc') } }, MEETING)).toEqual({
      ok: false,
      errors: { [b.materials]: expect.stringMatching(/add the link/) },
    });
  });
});

describe('the notes fields', () => {
  const { blocks: b, actions: a } = NotesModal;

  it('needs a takeaway', () => {
    expect(parseNotesForm({ [b.takeaways]: { [a.takeaways]: text('   ') } }, MEETING)).toEqual({
      ok: false,
      errors: { [b.takeaways]: 'Write down at least one takeaway.' },
    });
  });

  it("reads the covered agenda entries from the meeting's own block", () => {
    const values = { [b.takeaways]: { [a.takeaways]: text('Good') }, [meetingScopedBlock(b.covered, MEETING)]: { [a.covered]: picked(PAIR) } };
    expect(parseNotesForm(values, MEETING)).toMatchObject({ ok: true, value: { takeaways: 'Good', coveredIds: [PAIR], actionItems: null } });
  });
});
