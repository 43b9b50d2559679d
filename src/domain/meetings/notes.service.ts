import type { Kysely } from 'kysely';
import type { Executor } from '../../db/types';
import type { ActionItem, AgendaItem, Database, Meeting, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { NOT_IN_PAIR, pairOfMember } from '../pairs/access';
import { listPairsOf } from '../pairs/pairs.repository';
import { formatInZone, localDateIn } from '../time/zoned';
import { checkActionItemBody, type ParsedActionItem, parseActionItemLines } from './action-item-lines';
import {
  actionItemsOfMeeting,
  deleteActionItem,
  deleteActionItems,
  insertActionItems,
  markActionItemDone,
  markActionItemOpen,
  setActionItemBody,
  setActionItemDue,
} from './action-items.repository';
import { actionItemLinesFor, earliestDueDate, matchAmendedItems } from './notes-amend';
import { listAgendaItems, setAgendaResolved } from './agenda.repository';
import { cancelUnsentNotices } from '../notices/notices.repository';
import { actionItemOfMember, ANY_STATE, lockMeetingOfMember, meetingOfMember, pairPeople, type PairPeople, zoneOf } from './meeting-access';
import type { Changed } from './meeting-rules';
import type { FieldErrors } from '../pairs/pair-rules';
import { latestStartedMeeting, updateMeeting, upcomingMeeting } from './meetings.repository';
import { ensureUpcomingFor, ensureUpcomingIfUnknown } from './upcoming';
import { readNotesContext } from './notes-context.repository';
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
    const items = coverable(await listAgendaItems(this.db, meeting.id));
    return { ...draftOf(meeting, pair, people, actor.userId), coverable: items.map((item) => ({ id: item.id, body: item.body })) };
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
      const { meeting, pair, people } = await lockMeetingOfMember(tx, actor, meetingId);
      requireRecordable(meeting, people, userId, now);
      const parsed = parseNotesItems(input, pair, people, userId, localDateIn(now, pair.time_zone));
      if (!parsed.ok) return parsed;
      const held = await updateMeeting(tx, meeting.id, {
        status: 'held',
        takeaways: input.takeaways,
        feedback_received: input.feedbackReceived,
        feedback_application: input.feedbackApplication,
        notes_recorded_by: userId,
        notes_recorded_at: now,
      });
      const { items: actionItems, unnamedOwnerItemIds } = await insertParsedItems(tx, meeting, parsed.items, userId);
      // The meeting just held had started, so it is before the next occurrence: when the planning pass
      // vouched for the next meeting's row (the pair as locked above), that row is still right.
      await ensureUpcomingIfUnknown(tx, [pair], now);
      const context = await readNotesContext(tx, meeting.id, pair.id, now);
      const agenda = coverable(context.agenda);
      const covered = agenda.filter((item) => input.coveredIds.includes(item.id));
      const notCovered = agenda.filter((item) => !input.coveredIds.includes(item.id));
      await setAgendaResolved(
        tx,
        meeting.id,
        covered.map((item) => item.id),
        notCovered.map((item) => item.id),
      );
      const next = pair.status === 'active' ? (context.next ?? null) : null;
      const summary = { meeting: held, pair, people, actionItems, unnamedOwnerItemIds, notCovered, next };
      const effects = await this.effects.record(tx, teamId, [
        { type: 'notes_recorded', pairId: pair.id, meetingId: meeting.id, notes: notesViewOf(summary), recordedBy: userId, zones: people.zones },
      ]);
      return { ok: true as const, ...summary, effects };
    });
  }

  /** The notes modal filled with what was saved, to amend them: only once they are recorded. */
  async draftForAmend(actor: Actor, meetingId: string | null): Promise<NotesDraft> {
    const { meeting, pair } = await meetingOfMember(this.db, actor, meetingId);
    const people = await pairPeople(this.db, pair);
    requireAmendable(meeting, people, actor.userId);
    const items = await actionItemsOfMeeting(this.db, meeting.id);
    return {
      ...draftOf(meeting, pair, people, actor.userId),
      coverable: [],
      saved: {
        takeaways: meeting.takeaways ?? '',
        actionItems: actionItemLinesFor(items, actor.userId),
        feedbackReceived: meeting.feedback_received,
        feedbackApplication: meeting.feedback_application,
      },
    };
  }

  /**
   * Amends recorded notes: takeaways and feedback are replaced; an action item whose line is still
   * there (same owner and text) is kept with its tick, a line that is new adds an item, an item whose
   * line is gone is deleted. Both get the amended summary, marked as amended (event `notes_amended`).
   */
  async amend(actor: Actor, meetingId: string | null, input: Omit<NotesInput, 'coveredIds'>): Promise<Changed<WithEffects<NotesSummary>, NotesField>> {
    const now = this.clock();
    const { teamId, userId } = actor;
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair, people } = await lockMeetingOfMember(tx, actor, meetingId);
      requireAmendable(meeting, people, userId);
      const existing = await actionItemsOfMeeting(tx, meeting.id);
      const parsed = parseNotesItems({ ...input, coveredIds: [] }, pair, people, userId, earliestDueDate(localDateIn(now, pair.time_zone), existing));
      if (!parsed.ok) return parsed;
      const amended = await updateMeeting(tx, meeting.id, {
        takeaways: input.takeaways,
        feedback_received: input.feedbackReceived,
        feedback_application: input.feedbackApplication,
      });
      const { kept, added, removed } = matchAmendedItems(existing, parsed.items);
      await deleteActionItems(
        tx,
        removed.map((item) => item.id),
      );
      const keptItems = await Promise.all(
        kept.map(async ({ item, dueOn }) => (item.due_on === dueOn ? item : ((await setActionItemDue(tx, item.id, dueOn)) ?? item))),
      );
      const { items: addedItems, unnamedOwnerItemIds } = await insertParsedItems(tx, meeting, added, userId);
      const next = pair.status === 'active' ? ((await upcomingMeeting(tx, pair.id, now)) ?? null) : null;
      const summary = { meeting: amended, pair, people, actionItems: [...keptItems, ...addedItems], unnamedOwnerItemIds, notCovered: [], next };
      const effects = await this.effects.record(tx, teamId, [
        { type: 'notes_amended', pairId: pair.id, meetingId: meeting.id, notes: notesViewOf(summary), recordedBy: userId, zones: people.zones },
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
      if (deleted) await cancelOverdueNudge(tx, pair.id, item.id, this.clock());
      const otherId = actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
      const event = { type: 'action_item_deleted' as const, pairId: pair.id, body: item.body, ownerId: item.owner_id, byId: actor.userId, otherId };
      const effects = await this.effects.record(tx, actor.teamId, deleted ? [{ ...event, otherZone: zoneOf(await pairPeople(tx, pair), otherId) }] : []);
      return { item: actionItemView(item), effects };
    });
  }

  /** The item as its edit form opens with it: only the two people of its pair may. */
  async actionItemForEdit(actor: Actor, itemId: string | null): Promise<ActionItemView> {
    return actionItemView((await actionItemOfMember(this.db, actor, itemId)).item);
  }

  /**
   * Either person rewrites an item's text (owner, due date and tick stay); the other is told by DM with
   * the old and the new text (event `action_item_edited`). The same text again changes nothing.
   */
  async editActionItem(actor: Actor, itemId: string | null, text: string): Promise<Changed<WithEffects<{ item: ActionItemView }>, 'body'>> {
    const checked = checkActionItemBody(text);
    if (!checked.ok) return { ok: false, errors: { body: checked.error } };
    return this.db.transaction().execute(async (tx) => {
      const { item, pair } = await actionItemOfMember(tx, actor, itemId);
      const edited = checked.body === item.body ? undefined : await setActionItemBody(tx, item.id, checked.body);
      const otherId = actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
      const events = edited
        ? [
            {
              type: 'action_item_edited' as const,
              pairId: pair.id,
              previousBody: item.body,
              item: actionItemView(edited),
              byId: actor.userId,
              otherId,
              otherZone: zoneOf(await pairPeople(tx, pair), otherId),
            },
          ]
        : [];
      const effects = await this.effects.record(tx, actor.teamId, events);
      return { ok: true as const, item: actionItemView(edited ?? item), effects };
    });
  }

  private async setDone(actor: Actor, itemId: string | null, done: boolean): Promise<WithEffects<{ item: ActionItemView }>> {
    return this.db.transaction().execute(async (tx) => {
      const { item, pair } = await actionItemOfMember(tx, actor, itemId);
      const changed = done ? await markActionItemDone(tx, item.id, actor.userId, this.clock()) : await markActionItemOpen(tx, item.id);
      if (changed && done) await cancelOverdueNudge(tx, pair.id, item.id, this.clock());
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

/** New items from parsed lines, and those whose line named no owner (they fell to the writer). */
async function insertParsedItems(
  tx: Executor,
  meeting: Meeting,
  lines: readonly ParsedActionItem[],
  userId: string,
): Promise<{ items: ActionItem[]; unnamedOwnerItemIds: string[] }> {
  const items = await insertActionItems(
    tx,
    lines.map((line) => ({
      team_id: meeting.team_id,
      pair_id: meeting.pair_id,
      meeting_id: meeting.id,
      owner_id: line.ownerId,
      body: line.body,
      due_on: line.dueOn,
      created_by: userId,
    })),
  );
  // Rows come back in the order they were inserted, so the parsed lines and the rows line up.
  return { items, unnamedOwnerItemIds: items.filter((_, index) => lines[index]?.ownerNamed === false).map((item) => item.id) };
}

/** What every notes form opens with: the pair, the meeting, and the names and zone to show. */
function draftOf(meeting: Meeting, pair: Pair, people: PairPeople, viewerId: string): Omit<NotesDraft, 'coverable'> {
  return {
    ...membersOf(pair),
    viewerId,
    viewerZone: zoneOf(people, viewerId),
    meeting: slotOf(meeting),
    feedbackFocus: meeting.feedback_focus,
    names: people.names,
  };
}

/** The action item lines (owners named from the writer's side) and the feedback's pairing with its application. */
function parseNotesItems(
  input: NotesInput,
  pair: Pair,
  people: PairPeople,
  userId: string,
  earliestDue: string,
): { ok: true; items: ParsedActionItem[] } | { ok: false; errors: FieldErrors<NotesField> } {
  const namesOf = (id: string) => [people.names[id] ?? id, ...(people.realNames[id] ? [people.realNames[id]] : [])];
  const owners = {
    submitterId: userId,
    mentorId: pair.mentor_id,
    menteeId: pair.mentee_id,
    names: { [pair.mentor_id]: namesOf(pair.mentor_id), [pair.mentee_id]: namesOf(pair.mentee_id) },
  };
  const parsed = parseActionItemLines(input.actionItems ?? '', owners, earliestDue);
  if (!parsed.ok) return { ok: false, errors: { actionItems: parsed.error } };
  if (input.feedbackReceived && !input.feedbackApplication) {
    return { ok: false, errors: { feedbackApplication: 'Say how the feedback will be applied: one concrete next step is enough.' } };
  }
  return { ok: true, items: parsed.items };
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

function requireAmendable(meeting: Meeting, people: PairPeople, userId: string): void {
  if (meeting.status === 'held') return;
  const when = formatInZone(meeting.scheduled_at, people.zones[userId] ?? 'UTC');
  throw new DomainError('conflict', `The meeting of ${when} has no notes yet: record them first.`);
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

/** A nudge still waiting for the end of its owner's night says nothing true once the item is done or gone. */
function cancelOverdueNudge(tx: Executor, pairId: string, itemId: string, now: Date): Promise<number> {
  return cancelUnsentNotices(tx, { pairId, topic: 'action_item_overdue', mentioning: itemId }, now);
}
