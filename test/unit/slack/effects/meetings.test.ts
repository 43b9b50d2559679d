import type { DomainEvent } from '../../../../src/domain/effects/events';
import type { AgendaView, NotesView } from '../../../../src/domain/meetings/views';
import type { PlannedNotice } from '../../../../src/slack/effects/plan';
import { planEffects, toNotice } from '../../../../src/slack/effects/recorder';

/**
 * Each meeting event becomes the right DMs, rendered in the reader's zone and timed for them: at once
 * for the person who acted, after the other person's quiet hours unless the meeting it is about
 * starts first.
 */
const MARIA = 'UMARIA'; // mentor, Berlin
const THEO = 'UTHEO'; // mentee, New York
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// 03:00Z: 22:00 in New York and 04:00 in Berlin, both in quiet hours; they end at 13:00Z and 07:00Z.
const NIGHT = at('2026-12-01T03:00:00Z');
const NY_MORNING = at('2026-12-01T13:00:00Z');
const BERLIN_MORNING = at('2026-12-01T07:00:00Z');
const SOON = { id: uuid(2), at: at('2026-12-01T09:00:00Z'), minutes: 45 }; // 04:00 New York, before his morning
const LATER = { id: uuid(3), at: at('2026-12-08T09:00:00Z'), minutes: 45 };
const members = { pairId: uuid(1), mentorId: MARIA, menteeId: THEO };

const shown = (notice: PlannedNotice) => `${notice.message.text}\n${JSON.stringify(notice.message.blocks)}`;
const dueAt = (notice: PlannedNotice) => toNotice('T1', members.pairId, 'k', notice, NIGHT).dueAt;

function agenda(meeting = SOON): AgendaView {
  return {
    ...members,
    meeting,
    feedbackFocus: 'running design reviews',
    highlight: null,
    items: [{ id: uuid(10), kind: 'topic', body: 'Career path', url: null, actionItemId: null }],
    actionItems: {},
  };
}

const notes: NotesView = {
  ...members,
  meeting: { ...SOON, at: at('2026-11-30T20:00:00Z') },
  recordedBy: MARIA,
  takeaways: 'Theo leads the retro',
  feedbackReceived: null,
  feedbackApplication: null,
  actionItems: [{ id: uuid(20), ownerId: THEO, body: 'write the design doc', dueOn: '2026-12-07', doneAt: null, doneBy: null }],
  notCovered: ['Code review habits'],
  next: LATER,
};

describe('agenda_shared', () => {
  const shared = (meeting = SOON, added: string[] | null = null): DomainEvent => ({
    type: 'agenda_shared',
    pairId: members.pairId,
    meetingId: meeting.id,
    authorId: MARIA,
    readerId: THEO,
    readerZone: NEW_YORK,
    agenda: agenda(meeting),
    added,
  });

  it('DMs the whole agenda to the other person, in their zone, and refreshes both Home tabs', () => {
    const plan = planEffects(shared());
    expect(plan.notices).toHaveLength(1);
    const [notice] = plan.notices;
    expect(notice).toMatchObject({ topic: 'agenda_shared', target: { type: 'dm', userId: THEO }, meetingId: SOON.id });
    expect(shown(notice!)).toContain('Agenda for your next meeting');
    expect(shown(notice!)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
    expect(shown(notice!)).toContain('running design reviews');
    expect(plan.home.sort()).toEqual([MARIA, THEO]);
  });

  it('after the first share, opens with who added what', () => {
    const [notice] = planEffects(shared(SOON, ['Your promotion case'])).notices;
    expect(notice!.message.text).toContain(`<@${MARIA}> updated the agenda`);
    expect(shown(notice!)).toContain('Your promotion case');
  });

  it("goes out during the reader's night when the meeting starts before their morning, else waits for 08:00 their time", () => {
    expect(dueAt(planEffects(shared(SOON)).notices[0]!)).toEqual(NIGHT);
    expect(dueAt(planEffects(shared(LATER)).notices[0]!)).toEqual(NY_MORNING);
  });
});

describe('notes_recorded', () => {
  const plan = planEffects({
    type: 'notes_recorded',
    pairId: members.pairId,
    meetingId: SOON.id,
    notes,
    recordedBy: MARIA,
    zones: { [MARIA]: BERLIN, [THEO]: NEW_YORK },
  });
  const to = (userId: string) => plan.notices.find((notice) => notice.target.type === 'dm' && notice.target.userId === userId)!;

  it('sends the same summary to both, each with times in their own zone', () => {
    expect(plan.notices.map((notice) => notice.topic)).toEqual(['notes_recorded', 'notes_recorded']);
    expect(shown(to(MARIA))).toContain('Mon 30 Nov 2026, 21:00 (Europe/Berlin)');
    expect(shown(to(THEO))).toContain('Mon 30 Nov 2026, 15:00 (America/New_York)');
    for (const userId of [MARIA, THEO]) {
      expect(shown(to(userId))).toContain('write the design doc');
      expect(shown(to(userId))).toContain('Code review habits');
    }
    expect(plan.home.sort()).toEqual([MARIA, THEO]);
  });

  it('reaches the one who recorded them at once, and the other after their night', () => {
    expect(dueAt(to(MARIA))).toEqual(NIGHT);
    expect(dueAt(to(THEO))).toEqual(NY_MORNING);
  });
});

describe('a meeting changed by one of the pair', () => {
  const told = { pairId: members.pairId, actorId: THEO, readerId: MARIA, readerZone: BERLIN };

  it("meeting_rescheduled: the old and the new time in the reader's zone, before the meeting it concerns", () => {
    const event = (meetingAt: Date | null): DomainEvent => ({ type: 'meeting_rescheduled', ...told, previousAt: SOON.at, meeting: LATER, meetingAt });
    const [notice] = planEffects(event(SOON.at)).notices;
    expect(notice).toMatchObject({ topic: 'meeting_rescheduled', target: { type: 'dm', userId: MARIA } });
    expect(shown(notice!)).toContain('moved your meeting of Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    expect(shown(notice!)).toContain('Tue 8 Dec 2026, 10:00 (Europe/Berlin) · 45 minutes');
    // 09:00Z is after Maria's morning (07:00Z): it waits until then, but not past the meeting.
    expect(dueAt(notice!)).toEqual(BERLIN_MORNING);
    expect(dueAt(planEffects(event(at('2026-12-01T06:00:00Z'))).notices[0]!)).toEqual(NIGHT);
    expect(planEffects(event(null)).home.sort()).toEqual([MARIA, THEO]);
  });

  it("meeting_skipped: the skipped meeting and the next one, with the next one's agenda button", () => {
    const [notice] = planEffects({ type: 'meeting_skipped', ...told, skipped: SOON, next: LATER, meetingAt: SOON.at }).notices;
    expect(shown(notice!)).toContain('skipped your meeting of Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    expect(shown(notice!)).toContain(`"value":"${LATER.id}"`);
    const [last] = planEffects({ type: 'meeting_skipped', ...told, skipped: SOON, next: null, meetingAt: null }).notices;
    expect(shown(last!)).toContain('No further meeting is planned.');
    expect(dueAt(last!)).toEqual(BERLIN_MORNING);
  });

  it("meeting_rhythm_changed: the new rule and the one it replaces in the pair's zone, the new time and the next meeting in the reader's", () => {
    const rhythm = { cadence: 'biweekly' as const, time: '10:00', zone: BERLIN, minutes: 60 };
    const previous = { cadence: 'weekly' as const, time: '17:30', zone: BERLIN, minutes: 45 };
    const [notice] = planEffects({
      type: 'meeting_rhythm_changed',
      ...told,
      readerId: THEO,
      readerZone: NEW_YORK,
      actorId: MARIA,
      rhythm,
      previous,
      next: LATER,
      meetingAt: null,
    }).notices;
    expect(notice!.target).toEqual({ type: 'dm', userId: THEO });
    expect(shown(notice!)).toContain('every two weeks at 10:00 (Europe/Berlin), 60 minutes (04:00 in your zone, America/New_York)');
    expect(shown(notice!)).toContain('Before, you met every week at 17:30 (Europe/Berlin), 45 minutes');
    expect(shown(notice!)).toContain('Tue 8 Dec 2026, 04:00 (America/New_York)');
    expect(dueAt(notice!)).toEqual(NY_MORNING);
  });
});

describe('action_item_ticked', () => {
  it('sends no message and refreshes both Home tabs', () => {
    const plan = planEffects({ type: 'action_item_ticked', pairId: members.pairId, actionItemId: uuid(20), byId: THEO, memberIds: [MARIA, THEO] });
    expect(plan.notices).toEqual([]);
    expect(plan.home.sort()).toEqual([MARIA, THEO]);
  });
});
