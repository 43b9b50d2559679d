/**
 * What the scheduler reports as it works, for metrics: each row the dispatcher handled (its kind and
 * outcome) and each pass's duration. Optional everywhere: `npm run tick` and the tests run without one.
 */
export interface SchedulerObserver {
  delivered(kind: string, outcome: string): void;
  passFinished(seconds: number, outcome: 'ok' | 'failed'): void;
}
