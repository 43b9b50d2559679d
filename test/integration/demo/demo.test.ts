/**
 * `npm run demo` as a reader sees it: the acts print in order, none is empty, the simulated clock
 * never runs backwards (DemoClock refuses), act 2's modal values are those of the pair it creates,
 * a goal is achieved and celebrated, the Home tab is shown, and it ends with the pair's end: the closing
 * summary, a reflection and a check-in a month later.
 */
import { ACTS } from '../../../src/demo/acts';
import { DemoClock, createWorld } from '../../../src/demo/world';
import { createTestDb } from '../../support/test-db';

jest.setTimeout(240_000);

let printed: { title: string; text: string }[] = [];

beforeAll(async () => {
  const world = await createWorld({ db: await createTestDb(), write: () => undefined });
  try {
    for (const act of ACTS) await act.play(world);
  } finally {
    printed = world.transcript.printed;
    await world.close();
  }
});

describe('the demo transcript', () => {
  it('numbers its acts in the order they print, and no act is empty', () => {
    expect(printed.length).toBeGreaterThan(20);
    printed.forEach((act, index) => expect(act.title.startsWith(`${index + 1}. `)).toBe(true));
    for (const act of printed) expect({ title: act.title, empty: act.text.trim() === '' }).toEqual({ title: act.title, empty: false });
  });

  it('creates the pair with the values act 2 shows in the modal', () => {
    const setUp = printed[1]!.text;
    const shown = /every two weeks, first meeting (\d{4}-\d{2}-\d{2}) at 10:00 \(America\/New_York\), 45 minutes, for 6 months/.exec(setUp);
    expect(shown).not.toBeNull();
    expect(setUp).toContain('You meet every two weeks for 45 minutes');
    const day = Number(shown![1]!.slice(8, 10));
    expect(setUp).toMatch(new RegExp(`first meeting is \\*\\w{3} ${day} \\w{3} \\d{4}, 10:00 \\(America/New_York\\)`));
  });

  it('shows a goal achieved and celebrated in the goals channel', () => {
    const achieved = printed.find((act) => /achieved his goal/.test(act.title));
    expect(achieved?.text).toMatch(/#theo-growth shows:[\s\S]*achieved/i);
  });

  it('shows the Home tab, then ends the mentorship with its closing summary, a reflection and a check-in', () => {
    expect(printed.find((act) => /Home tab/.test(act.title))?.text).toContain('[Home tab]');
    const end = printed.findIndex((act) => /ends the mentorship/.test(act.title));
    expect(end).toBeGreaterThan(printed.findIndex((act) => /Home tab/.test(act.title)));
    expect(printed[end]!.text).toContain('the closing summary');
    expect(printed.find((act) => /closing reflection/.test(act.title))?.text).toContain('Your reflection is saved');
    expect(printed.at(-1)!.title).toMatch(/check-in/);
    expect(printed.at(-1)!.text).toContain('since your mentorship');
  });
});

describe('the demo clock', () => {
  it('refuses to run backwards', () => {
    const clock = new DemoClock(new Date('2026-12-01T10:00:00Z'));
    clock.set(new Date('2026-12-01T11:00:00Z'));
    expect(() => clock.set(new Date('2026-12-01T10:30:00Z'))).toThrow(/backwards/);
    expect(clock.now().toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });
});
