import type { Pair } from '../../db/schema';

type Members = Pick<Pair, 'mentor_id' | 'mentee_id'>;

export const otherMember = (pair: Members, userId: string): string => (pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id);
