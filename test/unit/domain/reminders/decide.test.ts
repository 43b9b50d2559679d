import type { Meeting, OutboxRow, Pair, Person } from '../../../../src/db/schema';
import { classifySlackError } from '../../../../src/scheduler/classify';
import { decide } from '../../../../src/domain/reminders/decide';
import type { DeliveryContext } from '../../../../src/domain/reminders/delivery.repository';
import { validateSettings } from '../../../../src/domain/reminders/settings-rules';

const MEETING_AT = new Date('2026-12-01T14:00:00Z');
const person = (extra: Partial<Person> = {}): Person => ({
  team_id: 'T1',
  user_id: 'UMENTEE',
  display_name: 'theo',
  time_zone: 'America/New_York',
  dm_channel_id: 'DUMENTEE',
  reminders_paused_until: null,
  prep_lead_minutes: 1440,
  created_at: new Date(),
  updated_at: new Date(),
  ...extra,
});
const pair = (extra: Partial<Pair> = {}): Pair => ({
  id: 'p1',
  team_id: 'T1',
  mentor_id: 'UMENTOR',
  mentee_id: 'UMENTEE',
  goals_channel_id: 'C1',
  cadence: 'weekly',
  meeting_time: '15:00',
  time_zone: 'Europe/Berlin',
  first_meeting_on: '2026-12-01',
  meeting_minutes: 60,
  status: 'active',
  started_on: '2026-11-20',
  planned_end_on: '2027-05-01',
  created_by: 'UMENTOR',
  created_at: new Date(),
  updated_at: new Date(),
  anchor_sequence: 0,
  upcoming_valid_until: null,
  wrap_up_planned_at: null,
  ...extra,
});
const meeting = (extra: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  team_id: 'T1',
  pair_id: 'p1',
  sequence: 0,
  scheduled_at: MEETING_AT,
  duration_minutes: 60,
  status: 'scheduled',
  rescheduled_from: null,
  feedback_focus: null,
  shared_highlight: null,
  takeaways: null,
  feedback_received: null,
  feedback_application: null,
  notes_recorded_by: null,
  notes_recorded_at: null,
  agenda_shared_at: null,
  reminders_planned_at: null,
  created_at: new Date(),
  updated_at: new Date(),
  ...extra,
});
const row = (extra: Partial<OutboxRow> = {}): OutboxRow => ({
  id: 'r1',
  team_id: 'T1',
  kind: 'prep',
  pair_id: 'p1',
  meeting_id: 'm1',
  recipient_id: 'UMENTEE',
  dedupe_key: 'prep:m1:UMENTEE',
  payload: { meetingAt: MEETING_AT.toISOString() },
  due_at: new Date('2026-11-30T14:00:00Z'),
  next_attempt_at: new Date(),
  state: 'sending',
  attempt: 1,
  claimed_by: 'x',
  channel_id: null,
  slack_ts: null,
  last_error: null,
  sent_at: null,
  created_at: new Date(),
  updated_at: new Date(),
  basis: 'b',
  expires_at: new Date('2026-12-01T15:00:00Z'),
  claimed_at: new Date(),
  sends: 0,
  last_post_at: null,
  ...extra,
});
const ctx = (extra: Partial<DeliveryContext> = {}): DeliveryContext => ({
  recipient: person(),
  other: person({ user_id: 'UMENTOR' }),
  pair: pair(),
  meeting: meeting(),
  agenda: [],
  openActions: [],
  goal: undefined,
  resources: { total: 0, explored: 0 },
  ...extra,
});
const AFTERNOON_NY = new Date('2026-11-30T15:00:00Z'); // 10:00 in New York

describe('decide, just before a send', () => {
  it('sends a reminder that is still due', () => {
    expect(decide(row(), ctx(), AFTERNOON_NY)).toEqual({ action: 'send' });
  });

  it.each([
    ['the meeting was skipped', ctx({ meeting: meeting({ status: 'skipped' }) }), 'meeting_skipped'],
    ['the meeting moved', ctx({ meeting: meeting({ scheduled_at: new Date('2026-12-02T14:00:00Z') }) }), 'meeting_moved'],
    ['the pair is paused', ctx({ pair: pair({ status: 'paused' }) }), 'pair_inactive'],
    ['the pair ended', ctx({ pair: pair({ status: 'ended' }) }), 'pair_inactive'],
    ['the person is on vacation through today', ctx({ recipient: person({ reminders_paused_until: '2026-11-30' }) }), 'recipient_paused'],
  ])('cancels when %s', (_name, context, reason) => {
    expect(decide(row(), context, AFTERNOON_NY)).toEqual({ action: 'cancel', reason });
  });

  it('sends again the day after a vacation ends', () => {
    expect(decide(row(), ctx({ recipient: person({ reminders_paused_until: '2026-11-29' }) }), AFTERNOON_NY)).toEqual({ action: 'send' });
  });

  it('cancels a reminder past its expiry', () => {
    expect(decide(row(), ctx(), new Date('2026-12-01T15:00:00Z'))).toEqual({ action: 'cancel', reason: 'expired' });
  });

  it('drops the notes prompt and the no-notes summary once notes are recorded, but still sends thanks', () => {
    const recorded = ctx({ meeting: meeting({ status: 'held', notes_recorded_at: new Date('2026-12-01T15:10:00Z') }) });
    const after = new Date('2026-12-01T16:00:00Z');
    const expires = new Date('2026-12-05T00:00:00Z');
    expect(decide(row({ kind: 'notes_prompt', expires_at: expires }), recorded, after)).toEqual({ action: 'cancel', reason: 'notes_recorded' });
    expect(decide(row({ kind: 'notes_missing', expires_at: expires }), recorded, after)).toEqual({ action: 'cancel', reason: 'notes_recorded' });
    expect(decide(row({ kind: 'thanks', expires_at: expires }), recorded, after)).toEqual({ action: 'send' });
  });

  it('holds a reminder sent late into the night until 08:00, or drops it when the meeting is over by then', () => {
    const night = new Date('2026-11-30T03:00:00Z'); // 22:00 in New York
    expect(decide(row(), ctx(), night)).toEqual({ action: 'defer', until: new Date('2026-11-30T13:00:00Z'), reason: 'quiet_hours' });
    const shortLived = row({ expires_at: new Date('2026-11-30T12:00:00Z') });
    expect(decide(shortLived, ctx(), night)).toEqual({ action: 'cancel', reason: 'quiet_hours' });
  });

  it('cancels the action-items reminder when nothing is due that day any more', () => {
    const dueRow = row({ kind: 'action_due', meeting_id: null, payload: { dueOn: '2026-12-01' } });
    const items = [{ id: 'a1', body: 'Read the chapter', due_on: '2026-12-01', owner_id: 'UMENTEE' }];
    expect(decide(dueRow, ctx({ openActions: items }), AFTERNOON_NY)).toEqual({ action: 'send' });
    expect(decide(dueRow, ctx({ openActions: [] }), AFTERNOON_NY)).toEqual({ action: 'cancel', reason: 'nothing_due' });
    expect(decide(dueRow, ctx({ openActions: [{ ...items[0]!, owner_id: 'UMENTOR' }] }), AFTERNOON_NY)).toEqual({ action: 'cancel', reason: 'nothing_due' });
  });
});

describe('classifying a failed Slack call', () => {
  it('waits out a 429 for its Retry-After', () => {
    expect(classifySlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 7000,
      code: 'ratelimited',
    });
  });
  it.each(['channel_not_found', 'is_archived', 'messages_tab_disabled', 'invalid_blocks', 'msg_too_long'])('records %s as a permanent failure', (code) => {
    expect(classifySlackError({ code: 'slack_webapi_platform_error', data: { error: code } })).toEqual({ kind: 'failed', code });
  });
  it.each(['account_inactive', 'invalid_auth', 'token_revoked'])('reads %s as a refused token (the workspace set aside), not a failed row', (code) => {
    expect(classifySlackError({ code: 'slack_webapi_platform_error', data: { error: code } })).toEqual({ kind: 'token_rejected', code });
  });
  it.each([
    [{ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } }, 'internal_error'],
    [{ code: 'slack_webapi_http_error', statusCode: 502 }, 'http_502'],
    [{ code: 'slack_webapi_request_error', original: { name: 'TimeoutError' } }, 'timeout'],
    [{ code: 'slack_webapi_request_error', original: { name: 'Error', code: 'ECONNRESET' } }, 'request_error:ECONNRESET'],
  ])('treats %j as maybe posted', (error, code) => {
    expect(classifySlackError(error)).toEqual({ kind: 'unknown', code });
  });
});

describe('reminder settings', () => {
  const now = new Date('2026-11-30T15:00:00Z');
  it('accepts a lead time on offer and a pause from today on', () => {
    expect(validateSettings({ leadMinutes: 120, pausedUntil: '2026-11-30' }, 'America/New_York', now)).toEqual({});
    expect(validateSettings({ leadMinutes: 1440, pausedUntil: null }, 'America/New_York', now)).toEqual({});
  });
  it('refuses a pause that ended yesterday in the person’s zone, or more than a year ahead, and odd lead times', () => {
    // 2026-11-30T15:00Z is already 1 December in Tokyo.
    expect(validateSettings({ leadMinutes: 1440, pausedUntil: '2026-11-30' }, 'Asia/Tokyo', now).pause).toMatch(/today \(2026-12-01\)/);
    expect(validateSettings({ leadMinutes: 1440, pausedUntil: '2028-01-01' }, 'UTC', now).pause).toMatch(/within the next year/);
    expect(validateSettings({ leadMinutes: 7, pausedUntil: null }, 'UTC', now).lead).toBeDefined();
  });
});
