import { bucketOf, seededRandom, tally } from '../../chaos/ledger';

const post = (reminderId: string, attempt = 1) => ({ reminderId, attempt, channel: 'DU1', ts: `${attempt}.0` });
const row = (id: string, state: string, lastError: string | null = null, dueInRun = true) => ({ id, state, lastError, dueInRun });

describe('counting a crash-test run from the stand-in ledger', () => {
  it('counts every message beyond the first for a reminder as a duplicate', () => {
    const result = tally([row('a', 'sent'), row('b', 'sent')], [post('a'), post('a', 2), post('a', 3), post('b')]);
    expect(result.duplicates).toBe(2);
    expect(result.duplicatedReminders).toEqual(['a']);
    expect(result.delivered).toBe(2);
  });

  it('counts as lost a row due in the run that is still open and never reached a DM, and a row marked sent with no message', () => {
    const result = tally([row('open', 'unknown'), row('ghost', 'sent'), row('later', 'pending', null, false), row('doubt', 'unknown')], [post('doubt')]);
    expect(result.lostReminders).toEqual(['ghost', 'open']);
    expect(result.sentButMissing).toBe(1);
  });

  it('groups permanent failures by Slack’s code and flags a failed row whose message did arrive', () => {
    const result = tally(
      [row('a', 'failed', 'messages_tab_disabled'), row('b', 'failed', 'messages_tab_disabled'), row('c', 'failed', 'too_many_attempts')],
      [post('c')],
    );
    expect(result.permanentFailures).toEqual({ messages_tab_disabled: 2, too_many_attempts: 1 });
    expect(result.failedButDelivered).toBe(1);
    expect(result.losses).toBe(0);
  });

  it('draws the same fault sequence from the same seed, and puts recipients in stable buckets', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(bucketOf('DU1X2M')).toBe(bucketOf('DU1X2M'));
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`DU0X${i}M`)));
    expect(buckets.size).toBeGreaterThan(90);
  });
});
