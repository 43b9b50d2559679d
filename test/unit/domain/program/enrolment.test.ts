import type { PickedUser } from '../../../../src/domain/pairs/pair-rules';
import { checkEnrolment, ENROL_MAX_LINES, type EnrolLine, lineErrorsText, pairKey, parseEnrolment, refKey } from '../../../../src/domain/program/enrolment';

const NOW = new Date('2026-12-20T12:00:00Z');
const person = (userId: string, timeZone = 'Europe/Berlin', extra: Partial<PickedUser> = {}): PickedUser => ({
  userId,
  displayName: userId.toLowerCase(),
  timeZone,
  isBot: false,
  deleted: false,
  ...extra,
});

const lines = (text: string): EnrolLine[] => {
  const parsed = parseEnrolment(text);
  if (!parsed.ok) throw new Error(lineErrorsText(parsed.errors));
  return parsed.lines;
};

describe('parsing the pasted pairs', () => {
  it('reads mentions, email addresses, channel links, every rhythm the set-up offers and a date with a time', () => {
    const parsed = lines(
      [
        '<@UMARIA>, <@UTHEO|theo>, <#CGOALS|mentoring>, every two weeks, 2027-01-11 10:00',
        '',
        'Ana.Lopez@Example.com, <mailto:ben@example.com|ben@example.com>, CGOALS, Weekly, 2027-01-12T9:30',
        'UMARIA, <@UBEN>, <#GPRIV>, every month, 2027-02-01 17:05',
      ].join('\n'),
    );
    const user = (userId: string) => ({ kind: 'user', userId });
    const email = (address: string) => ({ kind: 'email', email: address });
    expect(
      parsed.map(({ line, mentor, mentee, goalsChannelId, cadence, firstDate, firstTime }) => [
        line,
        mentor,
        mentee,
        goalsChannelId,
        cadence,
        firstDate,
        firstTime,
      ]),
    ).toEqual([
      [1, user('UMARIA'), user('UTHEO'), 'CGOALS', 'biweekly', '2027-01-11', '10:00'],
      [3, email('ana.lopez@example.com'), email('ben@example.com'), 'CGOALS', 'weekly', '2027-01-12', '09:30'],
      [4, user('UMARIA'), user('UBEN'), 'GPRIV', 'monthly', '2027-02-01', '17:05'],
    ]);
  });

  it('names every bad line by its number as typed (blank lines counted), and what is wrong with it', () => {
    const parsed = parseEnrolment(
      [
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, 2027-01-11 10:00',
        '',
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly',
        'maria, <@UTHEO>, <#CGOALS>, weekly, 2027-01-11 10:00',
        '<@UMARIA>, theo@, <#CGOALS>, weekly, 2027-01-11 10:00',
        '<@UMARIA>, <@UTHEO>, #goals, weekly, 2027-01-11 10:00',
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, fortnightly, 2027-01-11 10:00',
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, 2027-02-30 10:00',
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, 2027-01-11 24:00',
        '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, next monday',
      ].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    const text = lineErrorsText(parsed.ok ? [] : parsed.errors);
    expect(text.split('\n')).toEqual([
      'Line 3: write five parts separated by commas (mentor, mentee, #channel, rhythm, first meeting); I found 4.',
      'Line 4: the mentor "maria" is neither an @mention nor an email address.',
      'Line 5: the mentee "theo@" is neither an @mention nor an email address.',
      'Line 6: "#goals" is not a channel: write it as #channel (picked from the list as you type).',
      'Line 7: the rhythm "fortnightly" is not one I know: write every week, every two weeks or every month.',
      'Line 8: the first meeting "2027-02-30 10:00" is not a date and time such as 2027-01-11 10:00.',
      'Line 9: the first meeting "2027-01-11 24:00" is not a date and time such as 2027-01-11 10:00.',
      'Line 10: the first meeting "next monday" is not a date and time such as 2027-01-11 10:00.',
    ]);
  });

  it(`refuses an empty text and a batch of more than ${ENROL_MAX_LINES} pairs, saying how to go on`, () => {
    const empty = parseEnrolment(' \n ');
    expect(!empty.ok && lineErrorsText(empty.errors)).toMatch(/^Write one pair per line: mentor, mentee/);
    const line = '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, 2027-01-11 10:00';
    expect(parseEnrolment(Array.from({ length: ENROL_MAX_LINES }, () => line).join('\n')).ok).toBe(true);
    const many = parseEnrolment(Array.from({ length: ENROL_MAX_LINES + 1 }, () => line).join('\n'));
    expect(!many.ok && lineErrorsText(many.errors)).toBe(`Enrol at most 50 pairs at once; this has 51. Split the list and send the rest next.`);
  });

  it('lists the first ten line errors and counts the rest', () => {
    const parsed = parseEnrolment(Array.from({ length: 13 }, () => 'nonsense').join('\n'));
    const text = lineErrorsText(parsed.ok ? [] : parsed.errors).split('\n');
    expect(text).toHaveLength(11);
    expect(text[9]).toMatch(/^Line 10: /);
    expect(text[10]).toBe('…and 3 more lines to fix.');
  });
});

describe('checking the lines once Slack has said who the people are', () => {
  const people = new Map<string, PickedUser | null>([
    [refKey({ kind: 'user', userId: 'UMARIA' }), person('UMARIA')],
    [refKey({ kind: 'user', userId: 'UTHEO' }), person('UTHEO', 'America/New_York')],
    [refKey({ kind: 'email', email: 'theo@example.com' }), person('UTHEO', 'America/New_York')],
    [refKey({ kind: 'email', email: 'ghost@example.com' }), null],
    [refKey({ kind: 'user', userId: 'UROBOT' }), person('UROBOT', 'UTC', { isBot: true })],
    [refKey({ kind: 'user', userId: 'UCORA' }), person('UCORA')],
    [refKey({ kind: 'user', userId: 'UANA' }), person('UANA', 'Asia/Tokyo')],
    [refKey({ kind: 'user', userId: 'UBEN' }), person('UBEN', 'Asia/Tokyo')],
  ]);
  const context = { people, coordinatorId: 'UCORA', taken: new Map([[pairKey('UANA', 'UBEN'), 'ana already mentors ben; …']]), now: NOW };

  it("makes the single set-up's draft of a good line, its first meeting read in the mentee's zone", () => {
    const { pairs, errors } = checkEnrolment(lines('<@UMARIA>, theo@example.com, <#CGOALS>, every two weeks, 2027-01-11 10:00'), context);
    expect(errors).toEqual([]);
    expect(pairs).toEqual([
      {
        line: 1,
        draft: {
          mentorId: 'UMARIA',
          menteeId: 'UTHEO',
          goalsChannelId: 'CGOALS',
          cadence: 'biweekly',
          firstDate: '2027-01-11',
          firstTime: '10:00',
          timeZone: 'America/New_York',
          meetingMinutes: 60,
          programMonths: 6,
        },
        people: { mentor: people.get('user:UMARIA'), mentee: people.get('user:UTHEO') },
      },
    ]);
  });

  it('names the line of an unknown person, a bot, the same pair twice, a running pair, the coordinator themselves and a past first meeting', () => {
    const { pairs, errors } = checkEnrolment(
      lines(
        [
          '<@UMARIA>, ghost@example.com, <#CGOALS>, weekly, 2027-01-11 10:00',
          '<@UMARIA>, <@UROBOT>, <#CGOALS>, weekly, 2027-01-11 10:00',
          '<@UMARIA>, <@UTHEO>, <#CGOALS>, weekly, 2027-01-11 10:00',
          '<@UMARIA>, theo@example.com, <#CGOALS>, monthly, 2027-01-12 10:00',
          '<@UANA>, <@UBEN>, <#CGOALS>, weekly, 2027-01-11 10:00',
          '<@UCORA>, <@UANA>, <#CGOALS>, weekly, 2027-01-11 10:00',
          '<@UBEN>, <@UANA>, <#CGOALS>, weekly, 2026-12-01 10:00',
          '<@UMARIA>, <@UMARIA>, <#CGOALS>, weekly, 2027-01-11 10:00',
        ].join('\n'),
      ),
      context,
    );
    expect(pairs.map((pair) => pair.line)).toEqual([3]);
    expect(lineErrorsText(errors).split('\n')).toEqual([
      "Line 1: I can't find the mentee ghost@example.com in this workspace.",
      'Line 2: urobot is a bot; pick a person.',
      'Line 4: the same pair as line 3.',
      'Line 5: ana already mentors ben; …',
      'Line 6: you are in this pair: set up your own pair with /mentorship pair.',
      'Line 7: The first meeting must be in the future (it is now 2026-12-20 21:00 in Asia/Tokyo).',
      'Line 8: The mentee must be someone other than the mentor.',
    ]);
  });
});
