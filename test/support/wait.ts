/**
 * Work after `ack()` (opening a modal, sending DMs) finishes after the HTTP answer, as on Slack.
 * `eventually` polls until the probe returns something truthy, and fails with the probe's name.
 */
export async function eventually<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms: ${probe.toString().slice(0, 160)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the stand-in has seen no new call for `quietMs`: the app's after-ack work is done. */
export async function settled(calls: { length: number }, quietMs = 60, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  let seen = calls.length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() - started > timeoutMs) throw new Error('the app kept calling Slack');
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (calls.length !== seen) {
      seen = calls.length;
      quietSince = Date.now();
    }
  }
}
