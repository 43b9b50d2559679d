import { timestampInWindow } from '../../../../src/slack/middleware/timestamp-window';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const at = (offsetSeconds: number) => String(Math.floor(now / 1000) + offsetSeconds);

describe("the signature timestamp window (Slack's five minutes, both ways)", () => {
  it.each([
    ['now', at(0)],
    ['five minutes ago', at(-300)],
    ['five minutes ahead', at(300)],
  ])('accepts %s', (_name, header) => {
    expect(timestampInWindow(header, now)).toBe(true);
  });

  it.each([
    ['older than five minutes', at(-301)],
    ['more than five minutes ahead', at(301)],
    ['missing', undefined],
    ['empty', ''],
    ['not a whole number', `${at(0)}.5`],
    ['in exponent notation', '1.8e9'],
    ['negative', '-1'],
    ['absurdly long', '9'.repeat(40)],
  ])('refuses a timestamp %s', (_name, header) => {
    expect(timestampInWindow(header, now)).toBe(false);
  });

  it('reads the first of repeated headers', () => {
    expect(timestampInWindow([at(0), at(-9999)], now)).toBe(true);
  });
});
