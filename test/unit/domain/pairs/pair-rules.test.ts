import { type PairDraft, type PickedUser, plannedEnd, validatePairDraft } from '../../../../src/domain/pairs/pair-rules';

const person = (userId: string, extra: Partial<PickedUser> = {}): PickedUser => ({
  userId,
  displayName: `name-${userId}`,
  timeZone: 'Europe/Berlin',
  isBot: false,
  deleted: false,
  ...extra,
});

const draft = (extra: Partial<PairDraft> = {}): PairDraft => ({
  teamId: 'T1',
  createdBy: 'UMENTOR',
  mentorId: 'UMENTOR',
  menteeId: 'UMENTEE',
  goalsChannelId: 'CGOALS',
  cadence: 'weekly',
  firstDate: '2026-12-01',
  firstTime: '10:00',
  timeZone: 'Europe/Berlin',
  meetingMinutes: 60,
  programMonths: 6,
  ...extra,
});

const now = new Date('2026-11-22T12:00:00Z');
const people = { mentor: person('UMENTOR'), mentee: person('UMENTEE') };

describe('validatePairDraft', () => {
  it('accepts a complete pair with a first meeting ahead', () => {
    expect(validatePairDraft(draft(), people, now)).toEqual({});
  });

  it('refuses the same person as mentor and mentee, on the mentee field', () => {
    const errors = validatePairDraft(draft({ menteeId: 'UMENTOR' }), { mentor: people.mentor, mentee: people.mentor }, now);
    expect(errors.mentee).toMatch(/someone other than the mentor/);
  });

  it('refuses a bot or a deactivated account on the field where it was picked', () => {
    expect(validatePairDraft(draft(), { ...people, mentee: person('UMENTEE', { isBot: true }) }, now).mentee).toMatch(/is a bot/);
    expect(validatePairDraft(draft(), { ...people, mentor: person('UMENTOR', { deleted: true }) }, now).mentor).toMatch(/no longer/);
  });

  it('refuses a first meeting in the past, on the date, or on the time when the date is today', () => {
    expect(validatePairDraft(draft({ firstDate: '2026-11-01' }), people, now).firstDate).toMatch(/must be in the future/);
    // 12:00Z is 13:00 in Berlin: 09:00 today has passed.
    const today = validatePairDraft(draft({ firstDate: '2026-11-22', firstTime: '09:00' }), people, now);
    expect(today.firstTime).toMatch(/must be in the future/);
    expect(today.firstDate).toBeUndefined();
  });

  it('reads the first meeting in the pair zone, not in UTC', () => {
    // 13:30 on 22 Nov in Berlin is 12:30Z, still ahead of 12:00Z.
    expect(validatePairDraft(draft({ firstDate: '2026-11-22', firstTime: '13:30' }), people, now)).toEqual({});
    // The same wall time in Tokyo (04:30Z) has passed; it is 21:00 there, so the time is at fault.
    expect(validatePairDraft(draft({ firstDate: '2026-11-22', firstTime: '13:30', timeZone: 'Asia/Tokyo' }), people, now).firstTime).toMatch(
      /21:00 in Asia\/Tokyo/,
    );
  });

  it('refuses a first meeting more than a year ahead', () => {
    expect(validatePairDraft(draft({ firstDate: '2028-01-10' }), people, now).firstDate).toMatch(/within the next year/);
  });

  it('refuses a time zone that is not an IANA name', () => {
    expect(validatePairDraft(draft({ timeZone: 'CEST+2' }), people, now).timeZone).toMatch(/Europe\/Berlin/);
  });
});

describe('plannedEnd', () => {
  it('counts the program length from the first meeting', () => {
    expect(plannedEnd({ firstDate: '2026-12-01', programMonths: 6 })).toBe('2027-06-01');
  });
});
