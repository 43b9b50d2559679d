import type { Kysely } from 'kysely';
import type { ActionItem, AgendaItem, Database, Meeting, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { NOT_IN_PAIR, pairOfMember } from '../pairs/access';
import { listPairsOf } from '../pairs/pairs.repository';
import { formatInZone, localDateIn } from '../time/zoned';
import { parseActionItemLines } from './action-item-lines';
import { deleteActionItem, insertActionItems, markActionItemDone, markActionItemOpen } from './action-items.repository';
import { listAgendaItems, setAgendaResolved } from './agenda.repository';
import { actionItemOfMember, ANY_STATE, lockMeetingOfMember, meetingOfMember, pairPeople, type PairPeople, zoneOf } from './meeting-access';
import type { Changed } from './meeting-rules';
import { latestStartedMeeting, updateMeeting, upcomingMeeting } from './meetings.repository';
import { ensureUpcomingFor } from './upcoming';
import { type ActionItemView, actionItemView, membersOf, type NotesDraft, type NotesView, slotOf } from './views';

export interface NotesInput {
  takeaways: string;
  actionItems: string | null;
  feedbackReceived: string | null;
  feedbackApplication: string | null;
  coveredIds: string[];
}

export type NotesField = 'takeaways' | 'actionItems' | 'feedbackApplication';

/** What recording the notes changed (the summary both people get is rendered from it). */
export interface NotesSummary {
  meeting: Meeting;
  pair: Pair;
  people: PairPeople;
  actionItems: ActionItem[];
  /** Items whose line named no owner: they fell to the writer, and the summary says so. */
  unnamedOwnerItemIds: string[];
  /** Agenda entries the meeting did not get to: they are offered on the next agenda. */
  notCovered: AgendaItem[];
  next: Meeting | null;
}

const COVERABLE_KINDS: ReadonlyArray<AgendaItem['kind']> = ['topic', 'question', 'carry_over', 'wrap_up'];
const coverable = (items: AgendaItem[]): AgendaItem[] => items.filter((item) => COVERABLE_KINDS.includes(item.kind) && item.action_item_id === null);

export class NotesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** Notes for a given meeting (a button names it): once it has started, and only once. */
  async draftForMeeting(actor: Actor, meetingId: string | null): Promise<NotesDraft> {
    const { meeting, pair } = await meetingOfMember(this.db, actor, meetingId);
    const people = await pairPeople(this.db, pair);
    requireRecordable(meeting, people, actor.userId, this.clock());
    return {
      ...membersOf(pair),
      viewerId: actor.userId,
      viewerZone: zoneOf(people, actor.userId),
      meeting: slotOf(meeting),
      feedbackFocus: meeting.feedback_focus,
      names: people.names,
      coverable: coverable(await listAgendaItems(this.db, meeting.id)).map((item) => ({ id: item.id, body: item.body })),
    };
  }

  /**
   * Notes for the meeting that started last; without a pair id, in the person's pair whose meeting
   * started most recently and still has no notes (else the most recent one, which then explains itself).
   * `theirPairs`: the person's pairs when the caller has just read them, so the request reads them once.
   */
  async draftForPair(actor: Actor, pairId?: string, theirPairs?: readonly Pair[]): Promise<NotesDraft> {
    const now = this.clock();
    const { userId } = actor;
    const pairs = pairId ? [(await pairOfMember(this.db, actor, pairId, ANY_STATE)).pair] : (theirPairs ?? (await listPairsOf(this.db, actor.teamId, userId)));
    const started = (await Promise.all(pairs.map(async (pair) => ({ pair, meeting: await latestStartedMeeting(this.db, pair.id, now) }))))
      .filter((c): c is { pair: Pair; meeting: Meeting } => c.meeting !== undefined)
      .sort(
        (a, b) =>
          Number(b.meeting.status === 'scheduled') - Number(a.meeting.status === 'scheduled') ||
          b.meeting.scheduled_at.getTime() - a.meeting.scheduled_at.getTime(),
      );
    const chosen = started[0];
    const pair = pairs[0];
    if (!pair) throw new DomainError('not_in_pair', NOT_IN_PAIR);
    if (!chosen) {
      await ensureUpcomingFor(this.db, [pair], now);
      const next = await upcomingMeeting(this.db, pair.id, now);
      const people = await pairPeople(this.db, pair);
      const when = next ? ` Your first meeting is ${formatInZone(next.scheduled_at, people.zones[userId] ?? pair.time_zone)}.` : '';
      throw new DomainError('not_found', `There is no meeting to record notes for yet: notes come after a meeting has started.${when}`);
    }
    return this.draftForMeeting(actor, chosen.meeting.id);
  }

  /**
   * Records the notes and marks the meeting held, with its action items; agenda entries not ticked
   * as covered stay open and are offered on the next agenda. Both get the summary (event `notes_recorded`).
   */
  async record(actor: Actor, meetingId: string | null, input: NotesInput): Promise<Changed<WithEffects<NotesSummary>, NotesField>> {
    const now = this.clock();
    const { teamId, userId } = actor;
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair } = await lockMeetingOfMember(tx, actor, meetingId);
      const people = await pairPeople(tx, pair);
      requireRecordable(meeting, people, userId, now);
      const namesOf = (id: string) => [people.names[id] ?? id, ...(people.realNames[id] ? [people.realNames[id]] : [])];
      const owners = {
        submitterId: userId,
        mentorId: pair.mentor_id,
        menteeId: pair.mentee_id,
        names: { [pair.mentor_id]: namesOf(pair.mentor_id), [pair.mentee_id]: namesOf(pair.mentee_id) },
      };
      const parsed = parseActionItemLines(input.actionItems ?? '', owners, localDateIn(now, pair.time_zone));
      if (!parsed.ok) return { ok: false as const, errors: { actionItems: parsed.error } };
      if (input.feedbackReceived && !input.feedbackApplication) {
        return { ok: false as const, errors: { feedbackApplication: 'Say how the feedback will be applied: one concrete next step is enough.' } };
      }
      const held = await updateMeeting(tx, meeting.id, {
        status: 'held',
        takeaways: input.takeaways,
        feedback_received: input.feedbackReceived,
        feedback_application: input.feedbackApplication,
        notes_recorded_by: userId,
        notes_recorded_at: now,
      });
      const actionItems = await insertActionItems(
        tx,
        parsed.items.map((item) => ({
          team_id: teamId,
          pair_id: pair.id,
          meeting_id: meeting.id,
          owner_id: item.ownerId,
          body: item.body,
          due_on: item.dueOn,
          created_by: userId,
        })),
      );
      const agenda = coverable(await listAgendaItems(tx, meeting.id));
      const covered = agenda.filter((item) => input.coveredIds.includes(item.id));
      const notCovered = agenda.filter((item) => !input.coveredIds.includes(item.id));
      await setAgendaResolved(
        tx,
        meeting.id,
        covered.map((item) => item.id),
        notCovered.map((item) => item.id),
      );
      await ensureUpcomingFor(tx, [pair], now);
      const next = pair.status === 'active' ? ((await upcomingMeeting(tx, pair.id, now)) ?? null) : null;
      // Rows come back in the order they were inserted, so the parsed lines and the rows line up.
      const unnamedOwnerItemIds = actionItems.filter((_, index) => parsed.items[index]?.ownerNamed === false).map((item) => item.id);
      const summary = { meeting: held, pair, people, actionItems, unnamedOwnerItemIds, notCovered, next };
      const effects = await this.effects.record(tx, teamId, [
        { type: 'notes_recorded', pairId: pair.id, meetingId: meeting.id, notes: notesViewOf(summary), recordedBy: userId, zones: people.zones },
      ]);
      return { ok: true as const, ...summary, effects };
    });
  }

  /**
   * Ticks an action item done; only the two people of its pair may. A second tick changes nothing
   * and keeps the first one's who and when. Both Home tabs show it (event `action_item_ticked`).
   */
  async tickActionItem(actor: Actor, itemId: string | null): Promise<WithEffects<{ item: ActionItemView }>> {
    return this.setDone(actor, itemId, true);
  }

  /** "Not done yet": either person opens a done item again; an item already open changes nothing. */
  async reopenActionItem(actor: Actor, itemId: string | null): Promise<WithEffects<{ item: ActionItemView }>> {
    return this.setDone(actor, itemId, false);
  }

  /** Either person deletes an item; the other is told by DM (event `action_item_deleted`). */
  async deleteActionItem(actor: Actor, itemId: string | null): Promise<WithEffects<{ item: ActionItemView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { item, pair } = await actionItemOfMember(tx, actor, itemId);
      const deleted = await deleteActionItem(tx, item.id);
      const otherId = actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
      const event = { type: 'action_item_deleted' as const, pairId: pair.id, body: item.body, ownerId: item.owner_id, byId: actor.userId, otherId };
      const effects = await this.effects.record(tx, actor.teamId, deleted ? [{ ...event, otherZone: zoneOf(await pairPeople(tx, pair), otherId) }] : []);
      return { item: actionItemView(item), effects };
    });
  }

  private async setDone(actor: Actor, itemId: string | null, done: boolean): Promise<WithEffects<{ item: ActionItemView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { item, pair } = await actionItemOfMember(tx, actor, itemId);
      const changed = done ? await markActionItemDone(tx, item.id, actor.userId, this.clock()) : await markActionItemOpen(tx, item.id);
      const type = done ? 'action_item_ticked' : 'action_item_reopened';
      const effects = await this.effects.record(
        tx,
        actor.teamId,
        changed ? [{ type, pairId: pair.id, actionItemId: item.id, byId: actor.userId, memberIds: [pair.mentor_id, pair.mentee_id] }] : [],
      );
      return { item: actionItemView(changed ?? item), effects };
    });
  }
}

function notesViewOf(summary: Omit<NotesSummary, 'people'>): NotesView {
  const { meeting } = summary;
  return {
    ...membersOf(summary.pair),
    meeting: slotOf(meeting),
    recordedBy: meeting.notes_recorded_by,
    takeaways: meeting.takeaways ?? '',
    feedbackReceived: meeting.feedback_received,
    feedbackApplication: meeting.feedback_application,
    actionItems: summary.actionItems.map(actionItemView),
    unnamedOwnerItemIds: summary.unnamedOwnerItemIds,
    notCovered: summary.notCovered.map((item) => item.body),
    next: summary.next ? slotOf(summary.next) : null,
  };
}

function requireRecordable(meeting: Meeting, people: PairPeople, userId: string, now: Date): void {
  const when = formatInZone(meeting.scheduled_at, people.zones[userId] ?? 'UTC');
  if (meeting.status === 'held') {
    const by = meeting.notes_recorded_by ? (people.names[meeting.notes_recorded_by] ?? 'someone') : 'someone';
    throw new DomainError('conflict', `Notes for the meeting of ${when} were already recorded by ${by}.`);
  }
  if (meeting.status !== 'scheduled') throw new DomainError('conflict', `The meeting of ${when} was ${meeting.status}; there are no notes to record.`);
  if (meeting.scheduled_at.getTime() > now.getTime())
    throw new DomainError('conflict', `The meeting of ${when} has not started yet; record notes once it has.`);
}
