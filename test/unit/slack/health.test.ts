import { cachedHealth } from '../../../src/slack/app';

describe('GET /healthz answers from a check made at most once a second', () => {
  it('runs one database check for any number of hits within a second, and a new one after it', async () => {
    let clock = 0;
    let checks = 0;
    const healthy = cachedHealth(async () => ((checks += 1), true), { now: () => clock });
    expect(await Promise.all(Array.from({ length: 100 }, () => healthy()))).toEqual(Array(100).fill(true));
    clock += 999;
    expect(await healthy()).toBe(true);
    expect(checks).toBe(1);
    clock += 1;
    expect(await healthy()).toBe(true);
    expect(checks).toBe(2);
  });

  it('remembers "unavailable" for a second too, whether the check failed or threw', async () => {
    const clock = 0;
    let checks = 0;
    const healthy = cachedHealth(
      async () => {
        checks += 1;
        throw new Error('connection refused');
      },
      { now: () => clock },
    );
    expect(await healthy()).toBe(false);
    expect(await healthy()).toBe(false);
    expect(checks).toBe(1);
  });

  it('answers "unavailable" when the database does not answer in time', async () => {
    const healthy = cachedHealth(() => new Promise<boolean>(() => undefined), { timeoutMs: 50 });
    const started = Date.now();
    expect(await healthy()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
