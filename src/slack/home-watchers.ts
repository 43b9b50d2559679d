import type { PersonKey } from '../domain/home/openings.repository';

/** Who of some people (of any workspaces) may have their Home on screen: one read for all of them. */
export type WatchersLookup = (people: readonly PersonKey[]) => Promise<PersonKey[]>;

/** Production's wait: a change's Home refresh starts at most this much later, and shares its read. */
export const DEFAULT_WATCHERS_BATCH_MS = 50;

interface Waiter {
  people: PersonKey[];
  resolve: (watching: PersonKey[]) => void;
  reject: (error: unknown) => void;
}

const keyOf = (person: PersonKey): string => `${person.teamId}:${person.userId}`;

/**
 * Asks who is watching for every change that finished within `windowMs` of the first, in one read:
 * each change would otherwise cost a statement of its own after its commit, and under load a process
 * finishes dozens of changes in that time. The refresh is after the ack and already coalesced over
 * seconds (home-publisher.ts), so the short wait costs nobody anything they can see. A failed read
 * fails every change of the batch, each of which then skips its refresh as before.
 */
export function batchedWatchers(lookup: WatchersLookup, windowMs: number = DEFAULT_WATCHERS_BATCH_MS): WatchersLookup {
  let waiting: Waiter[] = [];

  const flush = async (): Promise<void> => {
    const batch = waiting;
    waiting = [];
    const everyone = new Map(batch.flatMap((waiter) => waiter.people.map((person) => [keyOf(person), person] as const)));
    try {
      const watching = new Set((await lookup([...everyone.values()])).map(keyOf));
      for (const waiter of batch) waiter.resolve(waiter.people.filter((person) => watching.has(keyOf(person))));
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  };

  return (people) => {
    if (people.length === 0) return Promise.resolve([]);
    return new Promise<PersonKey[]>((resolve, reject) => {
      waiting.push({ people: [...people], resolve, reject });
      if (waiting.length === 1) setTimeout(() => void flush(), windowMs);
    });
  };
}
