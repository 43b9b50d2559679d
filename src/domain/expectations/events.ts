import type { ExpectationsView } from './expectation-rules';

/**
 * One of the two proposed expectations, or amended the other's proposal: the other person gets them by
 * DM with Confirm and Amend. `expectations` is the version they are asked to confirm.
 */
export interface ExpectationsProposed {
  type: 'expectations_proposed';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
  amended: boolean;
  expectations: ExpectationsView;
}

/** The other person confirmed: the one who proposed them is told that both now agree. */
export interface ExpectationsAgreed {
  type: 'expectations_agreed';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
}

export type ExpectationsEvent = ExpectationsProposed | ExpectationsAgreed;
