import type { Pair } from '../../db/schema';

/** A pair as one of its members sees it: their role and the other person. */
export interface PairChoice {
  pair: Pair;
  role: 'mentor' | 'mentee';
  otherId: string;
}

export function asChoice(pair: Pair, viewerId: string): PairChoice {
  const role = pair.mentor_id === viewerId ? 'mentor' : 'mentee';
  return { pair, role, otherId: role === 'mentor' ? pair.mentee_id : pair.mentor_id };
}
