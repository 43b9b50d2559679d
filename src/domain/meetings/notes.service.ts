import type { Kysely } from 'kysely';
import type { ActionItem, AgendaItem, Database, Meeting, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import { listPairsOf } from '../pairs/pairs.repository';
import { formatInZone, localDateIn } from '../time/zoned';
import { parseActionItemLines } from './action-item-lines';
import { insertActionItems } from './action-items.repository';
import { listAgendaItems, setAgendaResolved } from './agenda.repository';
import { lockMeetingForMember, meetingForMember, notInPair, pairForMember, pairPeople, type PairPeople } from './meeting-access';
import type { Changed } from './meeting-rules';
import { latestStartedMeeting, updateMeeting, upcomingMeeting } from './meetings.repository';
import { ensureUpcomingFor } from './upcoming';

/** What the notes modal opens with. */
export interface NotesDraft {
  meeting: Meeting;
  pair: Pair;
  people: PairPeople;
  /** Agenda entries to tick as covered; the ones left unticked carry over to the next agenda. */
  coverable: AgendaItem[];
}

export interface NotesInput {
  takeaways: string;
  actionItems: string | null;
  feedbackReceived: string | null;
  feedbackApplication: string | null;
  coveredIds: string[];
}

export type NotesField = 'takeaways' | 'actionItems' | 'feedbackApplication';

/** The summary both people get: the same content, each with times in their own zone. */
export interface NotesSummary {
  meeting: Meeting;
  pair: Pair;
  people: PairPeople;
  actionItems: ActionItem[];
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
  ) {}

  /** Notes for a given meeting (a button names it): once it has started, and only once. */
  async draftForMeeting(teamId: string, meetingId: string, userId: string): Promise<NotesDraft> {
    const { meeting, pair } = await meetingForMember(this.db, teamId, meetingId, userId);
    const people = await pairPeople(this.db, pair);
    requireRecordable(meeting, people, userId, this.clock());
    return { meeting, pair, people, coverable: coverable(await listAgendaItems(this.db, meeting.id)) };
  }

  /**
   * Notes for the meeting that started last; without a pair id, in the person's pair whose meeting
   * started most recently and still has no notes (else the most recent one, which then explains itself).
   */
  async draftForPair(teamId: string, userId: string, pairId?: string): Promise<NotesDraft> {
    const now = this.clock();
    const pairs = pairId ? [await pairForMember(this.db, teamId, pairId, userId)] : await listPairsOf(this.db, teamId, userId);
    const started = (await Promise.all(pairs.map(async (pair) => ({ pair, meeting: await latestStartedMeeting(this.db, pair.id, now) }))))
      .filter((c): c is { pair: Pair; meeting: Meeting } => c.meeting !== undefined)
      .sort((a, b) => Number(b.meeting.status === 'scheduled') - Number(a.meeting.status === 'scheduled') || b.meeting.scheduled_at.getTime() - a.meeting.scheduled_at.getTime());
    const chosen = started[0];
    const pair = pairs[0];
    if (!pair) throw notInPair();
    if (!chosen) {
      await ensureUpcomingFor(this.db, [pair], now);
      const next = await upcomingMeeting(this.db, pair.id, now);
      const people = await pairPeople(this.db, pair);
      const when = next ? ` Your first meeting is ${formatInZone(next.scheduled_at, people.zones[userId] ?? pair.time_zone)}.` : '';
      throw new DomainError('not_found', `There is no meeting to record notes for yet: notes come after a meeting has started.${when}`);
    }
    return this.draftForMeeting(teamId, chosen.meeting.id, userId);
  }

  /**
   * Records the notes and marks the meeting held, with its action items; agenda entries not ticked
   * as covered stay open and are offered on the next agenda.
   */
  async record(teamId: string, meetingId: string, userId: string, input: NotesInput): Promise<Changed<NotesSummary, NotesField>> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair } = await lockMeetingForMember(tx, teamId, meetingId, userId);
      const people = await pairPeople(tx, pair);
      requireRecordable(meeting, people, userId, now);
      const owners = { submitterId: userId, mentorId: pair.mentor_id, menteeId: pair.mentee_id, names: people.names };
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
        parsed.items.map((item) => ({ team_id: teamId, pair_id: pair.id, meeting_id: meeting.id, owner_id: item.ownerId, body: item.body, due_on: item.dueOn, created_by: userId })),
      );
      const agenda = coverable(await listAgendaItems(tx, meeting.id));
      const covered = agenda.filter((item) => input.coveredIds.includes(item.id));
      const notCovered = agenda.filter((item) => !input.coveredIds.includes(item.id));
      await setAgendaResolved(tx, meeting.id, covered.map((item) => item.id), notCovered.map((item) => item.id));
      await ensureUpcomingFor(tx, [pair], now);
      const next = pair.status === 'active' ? ((await upcomingMeeting(tx, pair.id, now)) ?? null) : null;
      return { ok: true as const, meeting: held, pair, people, actionItems, notCovered, next };
    });
  }
}

function requireRecordable(meeting: Meeting, people: PairPeople, userId: string, now: Date): void {
  const when = formatInZone(meeting.scheduled_at, people.zones[userId] ?? 'UTC');
  if (meeting.status === 'held') {
    const by = meeting.notes_recorded_by ? (people.names[meeting.notes_recorded_by] ?? 'someone') : 'someone';
    throw new DomainError('conflict', `Notes for the meeting of ${when} were already recorded by ${by}.`);
  }
  if (meeting.status !== 'scheduled') throw new DomainError('conflict', `The meeting of ${when} was ${meeting.status}; there are no notes to record.`);
  if (meeting.scheduled_at.getTime() > now.getTime()) throw new DomainError('conflict', `The meeting of ${when} has not started yet; record notes once it has.`);
}
