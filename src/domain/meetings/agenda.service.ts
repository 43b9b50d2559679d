import type { Kysely } from 'kysely';
import type { ActionItem, AgendaItem, Database, Meeting, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { requestForFocus } from '../feedback/focus-request';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { isUuid } from '../ids';
import { pairOfMember } from '../pairs/access';
import { listPairsOf } from '../pairs/pairs.repository';
import { formatInZone } from '../time/zoned';
import { actionItemsByIds, openActionItems } from './action-items.repository';
import { agendaRoomError, type Material } from './agenda-lines';
import { appendAgendaItems, listAgendaItems } from './agenda.repository';
import { type AgendaMaterial, type MeetingWanted, readAgendaMaterial } from './agenda-draft.repository';
import { ANY_STATE, CHANGEABLE, lockMeetingOfMember, meetingOfMember, pairPeople, pairPeopleFrom, type PairPeople, zoneOf } from './meeting-access';
import { findMeeting, findPairById, lastHeldBefore, updateMeeting, upcomingMeeting } from './meetings.repository';
import { type Changed, meetingNearEnd } from './meeting-rules';
import { ensureUpcomingIfUnknown } from './upcoming';
import { actionItemView, type AgendaDraft, type AgendaView, agendaViewOf } from './views';
import { type WrapUpKey, wrapUpText } from './wrap-up';

/** A meeting's agenda as stored: the service maps it to the views its screens show. */
export interface AgendaDetails {
  meeting: Meeting;
  pair: Pair;
  people: PairPeople;
  items: AgendaItem[];
  /** The action items that carry_over items stand for, by id, in their current state (done or not). */
  actionItems: Record<string, ActionItem>;
  nearEnd: boolean;
}

export interface AgendaInput {
  topics: string[];
  questions: string[];
  materials: Material[];
  carryActionItemIds: string[];
  carryFollowUpIds: string[];
  wrapUp: WrapUpKey[];
  /** Undefined leaves it as it is (the field was not shown); null clears it. */
  feedbackFocus?: string | null;
  highlight?: string | null;
}

export type AgendaField = 'topics';

export interface SavedAgenda extends AgendaDetails {
  added: AgendaItem[];
  /** True the first time the agenda is submitted: it is then sent as a whole rather than as an update. */
  firstShare: boolean;
  authorId: string;
  otherId: string;
  /** The author's zone: the modal's outcome is written in it. */
  viewerZone: string;
}

const FOLLOW_UP_KINDS: ReadonlyArray<AgendaItem['kind']> = ['topic', 'question', 'carry_over', 'wrap_up'];

export class AgendaService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** The agenda modal for a given meeting (a button names it): refused once the meeting has started. */
  async draftForMeeting(actor: Actor, meetingId: string | null): Promise<AgendaDraft> {
    const { meeting, pair } = await meetingOfMember(this.db, actor, meetingId);
    const material = await readAgendaMaterial(this.db, pair, { meetingId: meeting.id });
    const people = pairPeopleFrom(pair, material.people);
    requireNotStarted(meeting, this.clock(), people.zones[actor.userId] ?? pair.time_zone);
    return this.draft(material.meeting ?? meeting, pair, people, material, actor.userId);
  }

  /**
   * The agenda modal for a pair's next meeting; without a pair id, the person's pair that meets soonest.
   * `theirPairs`: the person's pairs when the caller has just read them (the command's check that
   * they have one), so the request reads them once. Someone in one pair (most people) costs one read.
   */
  async draftForPair(actor: Actor, pairId?: string, theirPairs?: readonly Pair[]): Promise<AgendaDraft> {
    const now = this.clock();
    const pairs = pairId
      ? [(await pairOfMember(this.db, actor, pairId, ANY_STATE)).pair]
      : (theirPairs ?? (await listPairsOf(this.db, actor.teamId, actor.userId)));
    await ensureUpcomingIfUnknown(this.db, pairs, now);
    const active = pairs.filter((pair) => pair.status === 'active');
    const found = active.length === 1 ? { pair: active[0]!, wanted: { nextAfter: now } } : await this.soonest(active, now);
    const material = found ? await readAgendaMaterial(this.db, found.pair, found.wanted) : undefined;
    if (!found || !material?.meeting)
      throw new DomainError('not_found', 'No meeting is planned for this mentorship, so there is no agenda to prepare. `/mentorship meeting` shows why.');
    return this.draft(material.meeting, found.pair, pairPeopleFrom(found.pair, material.people), material, actor.userId);
  }

  /** Of several pairs, the one whose next meeting comes first, and that meeting. */
  private async soonest(pairs: readonly Pair[], now: Date): Promise<{ pair: Pair; wanted: MeetingWanted } | undefined> {
    const candidates = await Promise.all(pairs.map(async (pair) => ({ pair, next: await upcomingMeeting(this.db, pair.id, now) })));
    const first = candidates.filter((c) => c.next).sort((a, b) => a.next!.scheduled_at.getTime() - b.next!.scheduled_at.getTime())[0];
    return first && { pair: first.pair, wanted: { meetingId: first.next!.id } };
  }

  /**
   * The readable agenda of a meeting, for the bot's own use (reminders render it with `agendaMessage`).
   * It checks no one: callers that act for a person use the member-checked methods above.
   */
  async forMeeting(teamId: string, meetingId: string): Promise<AgendaView | null> {
    const meeting = isUuid(meetingId) ? await findMeeting(this.db, teamId, meetingId) : undefined;
    const pair = meeting ? await findPairById(this.db, teamId, meeting.pair_id) : undefined;
    return meeting && pair ? viewOf(await this.details(meeting, pair, await pairPeople(this.db, pair))) : null;
  }

  /**
   * Adds to the agenda of a meeting that has not started. Ticked carry-overs must still be open and
   * belong to the pair (ids come back from the client); the rest of the input is appended in order.
   * The other person gets it by DM (event `agenda_shared`): all of it the first time, then what was added.
   */
  async save(actor: Actor, meetingId: string | null, input: AgendaInput): Promise<Changed<WithEffects<SavedAgenda>, AgendaField>> {
    const now = this.clock();
    const { teamId, userId } = actor;
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair, otherId, people } = await lockMeetingOfMember(tx, actor, meetingId, CHANGEABLE);
      requireNotStarted(meeting, now, people.zones[userId] ?? pair.time_zone);
      const existing = await listAgendaItems(tx, meeting.id);
      const rows = [
        ...(await this.carryOverRows(tx, pair, meeting, existing, input)),
        ...input.topics.map((body) => ({ kind: 'topic' as const, body })),
        ...input.questions.map((body) => ({ kind: 'question' as const, body })),
        ...input.materials.map((material) => ({ kind: 'material' as const, body: material.title, url: material.url })),
        ...input.wrapUp
          .filter((key) => !existing.some((item) => item.kind === 'wrap_up' && item.body === wrapUpText(key)))
          .map((key) => ({ kind: 'wrap_up' as const, body: wrapUpText(key) })),
      ];
      const focus = input.feedbackFocus === undefined ? meeting.feedback_focus : input.feedbackFocus;
      const highlight = input.highlight === undefined ? meeting.shared_highlight : input.highlight;
      if (existing.length + rows.length === 0 && !focus && !highlight) {
        return { ok: false as const, errors: { topics: 'Add at least one topic or question for the meeting.' } };
      }
      const full = agendaRoomError(existing.length, rows.length);
      if (full) return { ok: false as const, errors: { topics: full } };
      const added = await appendAgendaItems(
        tx,
        meeting.id,
        rows.map((row) => ({ team_id: teamId, author_id: userId, url: null, action_item_id: null, ...row })),
        existing,
      );
      const firstShare = meeting.agenda_shared_at === null;
      // The focus is the mentee's feedback request for this meeting: created or updated with the agenda.
      if (focus && focus !== meeting.feedback_focus) await requestForFocus(tx, pair, meeting, focus, now);
      const saved = await updateMeeting(tx, meeting.id, {
        feedback_focus: focus,
        shared_highlight: highlight,
        agenda_shared_at: meeting.agenda_shared_at ?? now,
      });
      // The agenda as it now stands is what was there plus what was appended (in position order).
      const details = await this.details(saved, pair, people, tx, [...existing, ...added]);
      const effects = await this.effects.record(tx, teamId, [
        {
          type: 'agenda_shared',
          pairId: pair.id,
          meetingId: meeting.id,
          authorId: userId,
          readerId: otherId,
          readerZone: zoneOf(people, otherId),
          agenda: viewOf(details),
          added: firstShare ? null : added.map((item) => item.body),
        },
      ]);
      return { ok: true as const, ...details, added, firstShare, authorId: userId, otherId, viewerZone: zoneOf(people, userId), effects };
    });
  }

  private async carryOverRows(tx: Tx, pair: Pair, meeting: Meeting, existing: AgendaItem[], input: AgendaInput) {
    // Nothing ticked to carry over: no need to read what could have been.
    if (input.carryActionItemIds.length === 0 && input.carryFollowUpIds.length === 0) return [];
    const carried = new Set(existing.map((item) => item.action_item_id).filter(Boolean));
    const open = await openActionItems(tx, pair.id);
    const actions = open.filter((item) => input.carryActionItemIds.includes(item.id) && !carried.has(item.id));
    const followUps = (await this.followUps(tx, pair, meeting, existing)).filter((item) => input.carryFollowUpIds.includes(item.id));
    return [
      ...actions.map((item) => ({ kind: 'carry_over' as const, body: item.body, action_item_id: item.id })),
      ...followUps.map((item) => ({ kind: 'carry_over' as const, body: item.body, url: item.url })),
    ];
  }

  private draft(meeting: Meeting, pair: Pair, people: PairPeople, material: AgendaMaterial, userId: string): AgendaDraft {
    const details = detailsOf(meeting, pair, people, material.items, material.linked);
    const carried = new Set(details.items.map((item) => item.action_item_id).filter(Boolean));
    const onAgenda = new Set(details.items.filter((item) => item.kind === 'wrap_up').map((item) => item.body));
    return {
      ...viewOf(details),
      viewerId: userId,
      viewerZone: zoneOf(people, userId),
      role: pair.mentor_id === userId ? 'mentor' : 'mentee',
      shared: meeting.agenda_shared_at !== null,
      plannedEndOn: pair.planned_end_on,
      names: people.names,
      carryActionItems: material.open.filter((item) => !carried.has(item.id)).map(actionItemView),
      carryFollowUps: unresolvedFollowUps(material.lastItems, details.items).map((item) => ({ id: item.id, body: item.body })),
      wrapUp: details.nearEnd ? (['goals', 'contact', 'mentor'] as const).filter((key) => !onAgenda.has(wrapUpText(key))) : [],
      // Sequence 0 is the pair's first occurrence (rhythm changes re-anchor later ones, never renumber it).
      firstMeeting: meeting.sequence === 0,
    };
  }

  /** Unresolved topics and questions of the last meeting held before this one, not already carried here. */
  private async followUps(db: Kysely<Database> | Tx, pair: Pair, meeting: Meeting, existing: AgendaItem[]): Promise<AgendaItem[]> {
    const last = await lastHeldBefore(db, pair.id, meeting.scheduled_at);
    return last ? unresolvedFollowUps(await listAgendaItems(db, last.id), existing) : [];
  }

  private async details(meeting: Meeting, pair: Pair, people: PairPeople, db: Kysely<Database> | Tx = this.db, known?: AgendaItem[]): Promise<AgendaDetails> {
    const items = known ?? (await listAgendaItems(db, meeting.id));
    const linked = await actionItemsByIds(
      db,
      pair.id,
      items.map((item) => item.action_item_id).filter((id): id is string => id !== null),
    );
    return detailsOf(meeting, pair, people, items, linked);
  }
}

function detailsOf(meeting: Meeting, pair: Pair, people: PairPeople, items: AgendaItem[], linked: readonly ActionItem[]): AgendaDetails {
  return { meeting, pair, people, items, actionItems: Object.fromEntries(linked.map((item) => [item.id, item])), nearEnd: meetingNearEnd(pair, meeting) };
}

/** Of the last held meeting's agenda, the topics and questions left unresolved and not yet on this one. */
function unresolvedFollowUps(lastItems: readonly AgendaItem[], existing: readonly AgendaItem[]): AgendaItem[] {
  const here = new Set(existing.map((item) => item.body));
  return lastItems.filter((item) => FOLLOW_UP_KINDS.includes(item.kind) && !item.resolved && item.action_item_id === null && !here.has(item.body));
}

const viewOf = (details: AgendaDetails): AgendaView => agendaViewOf(details.meeting, details.pair, details.items, Object.values(details.actionItems));

function requireNotStarted(meeting: Meeting, now: Date, viewerZone: string): void {
  if (meeting.status === 'scheduled' && meeting.scheduled_at.getTime() > now.getTime()) return;
  const when = formatInZone(meeting.scheduled_at, viewerZone);
  const what = meeting.status === 'skipped' ? 'was skipped' : meeting.status === 'cancelled' ? 'was cancelled' : 'has already happened';
  throw new DomainError(
    'meeting_over',
    `The meeting of ${when} ${what}, so its agenda is closed. \`/mentorship agenda\` prepares the next one; \`/mentorship notes\` records what was said.`,
  );
}
