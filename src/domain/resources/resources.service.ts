import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPair } from '../pairs/pairs.repository';
import { isMember, otherMember, pairOfMember } from '../pairs/membership';
import { localToInstant } from '../time/zoned';
import { checkResourceDraft, checkTakeaway, EXPLORED_TARGET, type ResourceField } from './resource-rules';
import {
  countResources,
  findLastHeldMeeting,
  findResource,
  insertResource,
  type LearningResource,
  listResources,
  saveExplored,
} from './resources.repository';

export interface ExplorationProgress {
  /** The end of the last held meeting, or the start of the mentorship when none was held yet. */
  since: Date;
  sinceMeeting: boolean;
  explored: number;
  target: number;
}

export interface ResourceOverview {
  pair: Pair;
  resources: LearningResource[];
  total: number;
  progress: ExplorationProgress;
}

export type AddResourceResult = { ok: true; resource: LearningResource; pair: Pair } | { ok: false; errors: FieldErrors<ResourceField> };
export type ExploreResult = { ok: true; resource: LearningResource; pair: Pair } | { ok: false; errors: FieldErrors<'takeaway'> };

const NOT_FOUND = "I can't find that resource in your mentorship.";

/** The pair's reading list, and the habit of exploring two resources between meetings. */
export class ResourcesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async overview(teamId: string, pairId: string, userId: string, limit: number): Promise<ResourceOverview> {
    const pair = await pairOfMember(this.db, teamId, pairId, userId);
    const lastHeld = await findLastHeldMeeting(this.db, teamId, pair.id);
    const since = lastHeld
      ? new Date(lastHeld.scheduled_at.getTime() + lastHeld.duration_minutes * 60_000)
      : localToInstant(pair.started_on, '00:00', pair.time_zone);
    const [resources, total, explored] = await Promise.all([
      listResources(this.db, teamId, pair.id, limit),
      countResources(this.db, teamId, pair.id),
      countResources(this.db, teamId, pair.id, since),
    ]);
    return { pair, resources, total, progress: { since, sinceMeeting: Boolean(lastHeld), explored, target: EXPLORED_TARGET } };
  }

  async add(input: {
    teamId: string;
    pairId: string;
    userId: string;
    title: string | null;
    url: string | null;
    kind: string | null;
    recommendedBy: 'me' | 'other';
  }): Promise<AddResourceResult> {
    const checked = checkResourceDraft(input);
    if (!checked.ok) return checked;
    const pair = await pairOfMember(this.db, input.teamId, input.pairId, input.userId);
    const recommendedBy = input.recommendedBy === 'me' ? input.userId : otherMember(pair, input.userId);
    const resource = await this.db.transaction().execute((tx) =>
      insertResource(tx, {
        team_id: input.teamId,
        pair_id: pair.id,
        title: checked.title,
        url: checked.url,
        kind: checked.kind,
        recommended_by: recommendedBy,
        explored_at: null,
        explored_by: null,
        takeaway: null,
        created_at: this.clock(),
      }),
    );
    return { ok: true, resource, pair };
  }

  /** A resource of one of this person's pairs that nobody has marked explored yet. */
  async openForExplore(teamId: string, resourceId: string, userId: string): Promise<{ resource: LearningResource; pair: Pair }> {
    const resource = await findResource(this.db, teamId, resourceId);
    const pair = resource ? await findPair(this.db, teamId, resource.pair_id) : undefined;
    if (!resource || !pair || !isMember(pair, userId)) throw new DomainError('not_found', NOT_FOUND);
    if (pair.status === 'ended') throw new DomainError('conflict', 'That mentorship has ended.');
    if (resource.explored_at) throw new DomainError('conflict', 'That resource is already marked explored.');
    return { resource, pair };
  }

  async markExplored(input: { teamId: string; resourceId: string; userId: string; takeaway: string | null }): Promise<ExploreResult> {
    const checked = checkTakeaway(input.takeaway);
    if (!checked.ok) return { ok: false, errors: { takeaway: checked.error } };
    const { pair } = await this.openForExplore(input.teamId, input.resourceId, input.userId);
    const resource = await this.db.transaction().execute((tx) =>
      saveExplored(tx, { teamId: input.teamId, id: input.resourceId, userId: input.userId, takeaway: checked.takeaway, at: this.clock() }),
    );
    if (!resource) throw new DomainError('conflict', 'That resource is already marked explored.');
    return { ok: true, resource, pair };
  }

}
