/**
 * Fault injection: one-shot faults queued per method (`failNext`) and an optional policy consulted for
 * every call. Queued faults win, so a test can force one failure on top of a background policy.
 */
import type { Fault, FaultPolicy, Json } from './types';

export class Faults {
  private readonly queued = new Map<string, Fault[]>();
  private policy: FaultPolicy | undefined;

  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(method, list);
  }

  setPolicy(policy: FaultPolicy | undefined): void {
    this.policy = policy;
  }

  take(method: string, args: Json): Fault | undefined {
    const list = this.queued.get(method);
    if (list && list.length > 0) return list.shift();
    return this.policy?.(method, args);
  }

  clear(): void {
    this.queued.clear();
    this.policy = undefined;
  }
}
