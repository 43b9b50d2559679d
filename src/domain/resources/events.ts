import type { ResourceKind } from '../../db/schema';
import type { MessageRef } from '../notices/source';
import type { LearningResource } from './resources.repository';

/** A learning resource as the screens show it. */
export interface ResourceItem {
  id: string;
  pairId: string;
  title: string;
  url: string | null;
  kind: ResourceKind;
  recommendedBy: string;
  exploredAt: Date | null;
  exploredBy: string | null;
  takeaway: string | null;
}

export const resourceItem = (row: LearningResource): ResourceItem => ({
  id: row.id,
  pairId: row.pair_id,
  title: row.title,
  url: row.url,
  kind: row.kind,
  recommendedBy: row.recommended_by,
  exploredAt: row.explored_at,
  exploredBy: row.explored_by,
  takeaway: row.takeaway,
});

/** The other person of the pair hears of a new resource by DM, with a button to mark it explored. */
export interface ResourceAdded {
  type: 'resource_added';
  resource: ResourceItem;
  addedBy: string;
  otherId: string;
  /** The other person's zone. */
  readerZone: string;
}

/** A resource was explored: the DM whose button led here shows it done instead of the button. */
export interface ResourceExplored {
  type: 'resource_explored';
  resource: ResourceItem;
  exploredBy: string;
  otherId: string;
  /** The explorer's zone (the DM to update is theirs). */
  readerZone: string;
  source: MessageRef | null;
}

export type ResourceEvent = ResourceAdded | ResourceExplored;
