import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { isUuid } from '../ids';
import { type MessageRef, ownDmMessage } from '../notices/source';
import { checkMembership, type Membership, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPair } from '../pairs/pairs.repository';
import { zonesOf } from '../people/people.repository';
import { localToInstant } from '../time/zoned';
import { type ResourceItem, resourceItem } from './events';
import { checkResourceDraft, checkTakeaway, EXPLORED_TARGET, type ResourceField } from './resource-rules';
import { countResources, findLastHeldMeeting, findResource, insertResource, type LearningResource, listResources, saveExplored } from './resources.repository';

export interface ExplorationProgress {
  /** The end of the last held meeting, or the start of the mentorship when none was held yet. */
  since: Date;
  sinceMeeting: boolean;
  explored: number;
  target: number;
}

/** One pair's reading list as its screens show it. */
export interface ResourceOverview {
  pairId: string;
  /** 'YYYY-MM-DD': "since your mentorship started" when no meeting was held yet. */
  startedOn: string;
  resources: ResourceItem[];
  total: number;
  progress: ExplorationProgress;
}

export type AddResourceResult = WithEffects<{ ok: true; resource: ResourceItem; otherId: string }> | { ok: false; errors: FieldErrors<ResourceField> };
export type ExploreResult =
  WithEffects<{ ok: true; resource: ResourceItem; overview: ResourceOverview; readerZone: string }> | { ok: false; errors: FieldErrors<'takeaway'> };

export const RESOURCE_NOT_FOUND = "I can't find that resource in your mentorship.";
const ALREADY_EXPLORED = 'That resource is already marked explored.';

/** The pair's reading list, and the habit of exploring two resources between meetings. */
export class ResourcesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  async overview(actor: Actor, pairId: string, limit: number): Promise<ResourceOverview> {
    const { pair } = await pairOfMember(this.db, actor, pairId);
    const lastHeld = await findLastHeldMeeting(this.db, actor.teamId, pair.id);
    const since = lastHeld
      ? new Date(lastHeld.scheduled_at.getTime() + lastHeld.duration_minutes * 60_000)
      : localToInstant(pair.started_on, '00:00', pair.time_zone);
    const [resources, total, explored] = await Promise.all([
      listResources(this.db, actor.teamId, pair.id, limit),
      countResources(this.db, actor.teamId, pair.id),
      countResources(this.db, actor.teamId, pair.id, since),
    ]);
    const progress = { since, sinceMeeting: Boolean(lastHeld), explored, target: EXPLORED_TARGET };
    return { pairId: pair.id, startedOn: pair.started_on, resources: resources.map(resourceItem), total, progress };
  }

  /** Adds a resource to the pair's list; the other person hears of it by DM (`resource_added`). */
  async add(
    actor: Actor,
    input: { pairId: string; title: string | null; url: string | null; kind: string | null; recommendedBy: 'me' | 'other' },
  ): Promise<AddResourceResult> {
    const checked = checkResourceDraft(input);
    if (!checked.ok) return checked;
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, input.pairId);
      const row = await insertResource(tx, {
        team_id: actor.teamId,
        pair_id: pair.id,
        title: checked.title,
        url: checked.url,
        kind: checked.kind,
        recommended_by: input.recommendedBy === 'me' ? actor.userId : otherId,
        explored_at: null,
        explored_by: null,
        takeaway: null,
        created_at: this.clock(),
      });
      const resource = resourceItem(row);
      const zones = await zonesOf(tx, actor.teamId, [otherId]);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'resource_added', resource, addedBy: actor.userId, otherId, readerZone: zones[otherId]! },
      ]);
      return { ok: true as const, resource, otherId, effects };
    });
  }

  /** A resource of one of this person's pairs that nobody has marked explored yet. */
  async openForExplore(actor: Actor, resourceId: string): Promise<ResourceItem> {
    const { resource } = await resourceForMember(this.db, actor, resourceId);
    return resourceItem(resource);
  }

  /**
   * Marks it explored with the takeaway (once: guarded on "not yet explored"); the DM whose button led
   * here shows it done. The answer carries the pair's progress for the person's confirmation.
   */
  async markExplored(actor: Actor, input: { resourceId: string; takeaway: string | null; source: MessageRef | null }): Promise<ExploreResult> {
    const checked = checkTakeaway(input.takeaway);
    if (!checked.ok) return { ok: false, errors: { takeaway: checked.error } };
    const done = await this.db.transaction().execute(async (tx) => {
      const { membership } = await resourceForMember(tx, actor, input.resourceId);
      const saved = await saveExplored(tx, { teamId: actor.teamId, id: input.resourceId, userId: actor.userId, takeaway: checked.takeaway, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_EXPLORED);
      const resource = resourceItem(saved);
      const readerZone = (await zonesOf(tx, actor.teamId, [actor.userId]))[actor.userId]!;
      const source = await ownDmMessage(tx, actor, input.source);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'resource_explored', resource, exploredBy: actor.userId, otherId: membership.otherId, readerZone, source },
      ]);
      return { resource, readerZone, effects };
    });
    return { ok: true, ...done, overview: await this.overview(actor, done.resource.pairId, 0) };
  }
}

/** A resource of a live pair this person belongs to, not yet explored; for anyone else it does not exist. */
async function resourceForMember(db: Executor, actor: Actor, resourceId: string): Promise<{ resource: LearningResource; membership: Membership }> {
  const resource = isUuid(resourceId) ? await findResource(db, actor.teamId, resourceId) : undefined;
  const pair = resource ? await findPair(db, actor.teamId, resource.pair_id) : undefined;
  const membership = checkMembership(pair, actor, { refusals: { notMember: RESOURCE_NOT_FOUND } });
  if (resource!.explored_at) throw new DomainError('conflict', ALREADY_EXPLORED);
  return { resource: resource!, membership };
}
