import { batchedWatchers, type WatchersLookup } from '../../../src/slack/home-watchers';
import type { PersonKey } from '../../../src/domain/home/openings.repository';

/** A lookup that records each read and answers from a fixed set of watchers. */
function recordingLookup(watchers: readonly PersonKey[]) {
  const reads: PersonKey[][] = [];
  const lookup: WatchersLookup = async (people) => {
    reads.push([...people]);
    return people.filter((p) => watchers.some((w) => w.teamId === p.teamId && w.userId === p.userId));
  };
  return { reads, lookup };
}

const person = (teamId: string, userId: string): PersonKey => ({ teamId, userId });

describe('batchedWatchers', () => {
  it('answers changes finished within the window with one read, each with only its own people', async () => {
    const { reads, lookup } = recordingLookup([person('T1', 'UA'), person('T2', 'UA'), person('T1', 'UD')]);
    const watchers = batchedWatchers(lookup, 20);
    const [first, second, third] = await Promise.all([
      watchers([person('T1', 'UA'), person('T1', 'UB')]),
      watchers([person('T2', 'UA'), person('T2', 'UC')]),
      watchers([person('T1', 'UB'), person('T1', 'UD')]),
    ]);
    expect(reads).toHaveLength(1);
    // Everyone once, across workspaces: the same user id in two workspaces is two people.
    expect(reads[0]).toHaveLength(5);
    expect(first).toEqual([person('T1', 'UA')]);
    expect(second).toEqual([person('T2', 'UA')]);
    expect(third).toEqual([person('T1', 'UD')]);
  });

  it('reads again for changes after the window has closed', async () => {
    const { reads, lookup } = recordingLookup([person('T1', 'UA')]);
    const watchers = batchedWatchers(lookup, 5);
    expect(await watchers([person('T1', 'UA')])).toEqual([person('T1', 'UA')]);
    expect(await watchers([person('T1', 'UA')])).toEqual([person('T1', 'UA')]);
    expect(reads).toHaveLength(2);
  });

  it('fails every change of the batch when the read fails, and reads afresh for the next', async () => {
    let fail = true;
    const watchers = batchedWatchers(async (people) => {
      if (fail) throw new Error('database down');
      return [...people];
    }, 5);
    const results = await Promise.allSettled([watchers([person('T1', 'UA')]), watchers([person('T1', 'UB')])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await watchers([person('T1', 'UB')])).toEqual([person('T1', 'UB')]);
  });

  it('does not read at all for a change that concerns nobody', async () => {
    const { reads, lookup } = recordingLookup([]);
    expect(await batchedWatchers(lookup, 5)([])).toEqual([]);
    expect(reads).toHaveLength(0);
  });
});
