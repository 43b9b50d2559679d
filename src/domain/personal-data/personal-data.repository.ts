import { sql } from 'kysely';
import type { Executor } from '../../db/types';

/**
 * One person's data, found by who wrote it. Text in a pair's shared history has no author column of
 * its own in a few places, and then the rule of the feature that writes it decides:
 * - the agenda's feedback focus and highlight: the pair's mentee (only their agenda form has them);
 * - a meeting's notes: `notes_recorded_by`;
 * - a goal's fields and its key results and milestones: the goal's `created_by`; its reflection: the
 *   pair's mentee; a request for changes: the pair's mentor (only they may make one);
 * - the SWOT: the pair's mentee; a resource's title: whoever it is `recommended_by`;
 * - a pair's expectations: the shared terms, whoever last proposed them (`proposed_by`); each hope,
 *   the person of that role (only they write it).
 */

/** The mark left in shared history where a person's text was (CONTRACT: "their authored text becomes (removed)"). */
export const REMOVED = '(removed)';
/** How the bot names the author of such text from now on. */
export const FORMER_MEMBER = 'a former member';

export interface Who {
  teamId: string;
  userId: string;
}

/** The person's pairs, by their role in each: text in shared history is theirs by role in a few places. */
export interface PairsOfPerson {
  asMentor: string[];
  asMentee: string[];
}

export async function pairsOfPerson(db: Executor, who: Who): Promise<PairsOfPerson> {
  const rows = await db
    .selectFrom('pairs')
    .select(['id', 'mentor_id'])
    .where('team_id', '=', who.teamId)
    .where((eb) => eb.or([eb('mentor_id', '=', who.userId), eb('mentee_id', '=', who.userId)]))
    .execute();
  return {
    asMentor: rows.filter((row) => row.mentor_id === who.userId).map((row) => row.id),
    asMentee: rows.filter((row) => row.mentor_id !== who.userId).map((row) => row.id),
  };
}

/** `column` (a pair id) is one of `ids` (false for none: `in ()` is not SQL). */
const pairIn = (ids: readonly string[], column = 'pair_id') =>
  ids.length === 0 ? sql<boolean>`false` : sql<boolean>`${sql.ref(column)} in (${sql.join([...ids])})`;

const OPEN_OUTBOX = ['pending', 'sending', 'unknown'] as const;

// ---- reading (the export, and the counts the confirmation lists) ---------------------------------------

/** Everything stored about the person and everything they wrote, by table; nobody else's private rows. */
export async function readPersonalData(db: Executor, who: Who, pairs: PairsOfPerson) {
  const { teamId, userId } = who;
  const [person, pairRows, journal, agendaItems, focusMeetings, notesMeetings, goalsCreated, reflections, changeRequests, progressItems, swot] =
    await Promise.all([
      db.selectFrom('people').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst(),
      db
        .selectFrom('pairs')
        .select([
          'id',
          'mentor_id',
          'mentee_id',
          'status',
          'cadence',
          'meeting_time',
          'time_zone',
          'first_meeting_on',
          'started_on',
          'planned_end_on',
          'created_by',
        ])
        .where('team_id', '=', teamId)
        .where(pairIn([...pairs.asMentor, ...pairs.asMentee], 'id'))
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('journal_entries')
        .select(['id', 'pair_id', 'went_well', 'learned', 'try_next', 'created_at'])
        .where('team_id', '=', teamId)
        .where('author_id', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('agenda_items')
        .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
        .select([
          'agenda_items.id',
          'meetings.pair_id',
          'agenda_items.meeting_id',
          'agenda_items.kind',
          'agenda_items.body',
          'agenda_items.url',
          'agenda_items.created_at',
        ])
        .where('agenda_items.team_id', '=', teamId)
        .where('agenda_items.author_id', '=', userId)
        .orderBy('agenda_items.created_at')
        .execute(),
      db
        .selectFrom('meetings')
        .select(['id', 'pair_id', 'scheduled_at', 'feedback_focus', 'shared_highlight'])
        .where(pairIn(pairs.asMentee))
        .where((eb) => eb.or([eb('feedback_focus', 'is not', null), eb('shared_highlight', 'is not', null)]))
        .orderBy('scheduled_at')
        .execute(),
      db
        .selectFrom('meetings')
        .select(['id', 'pair_id', 'scheduled_at', 'takeaways', 'feedback_received', 'feedback_application', 'notes_recorded_at'])
        .where('team_id', '=', teamId)
        .where('notes_recorded_by', '=', userId)
        .orderBy('scheduled_at')
        .execute(),
      db
        .selectFrom('goals')
        .select(['id', 'pair_id', 'title', 'specific', 'measurable', 'achievable', 'relevant', 'objective', 'target_date', 'status', 'created_at'])
        .where('team_id', '=', teamId)
        .where('created_by', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('goals')
        .select(['id', 'pair_id', 'title', 'reflection', 'achieved_at'])
        .where(pairIn(pairs.asMentee))
        .where('reflection', 'is not', null)
        .execute(),
      db.selectFrom('goals').select(['id', 'pair_id', 'changes_comment']).where(pairIn(pairs.asMentor)).where('changes_comment', 'is not', null).execute(),
      db
        .selectFrom('goal_progress_items')
        .innerJoin('goals', 'goals.id', 'goal_progress_items.goal_id')
        .select(['goal_progress_items.id', 'goal_progress_items.goal_id', 'goal_progress_items.kind', 'goal_progress_items.title', 'goal_progress_items.done'])
        .where('goals.team_id', '=', teamId)
        .where('goals.created_by', '=', userId)
        .execute(),
      db
        .selectFrom('swot_assessments')
        .select(['pair_id', 'strengths', 'weaknesses', 'opportunities', 'threats', 'updated_at'])
        .where(pairIn(pairs.asMentee))
        .execute(),
    ]);
  // A pair's end: the person's closing reflections (private to them) and the reasons they gave for ending a pair.
  const [closingReflections, endReasons] = await Promise.all([
    db
      .selectFrom('pair_reflections')
      .select(['pair_id', 'learned', 'next_steps', 'long_term_goals', 'stay_in_touch', 'would_mentor', 'check_ins', 'submitted_at'])
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('pairs')
      .select(['id as pair_id', 'end_reason', 'ended_at'])
      .where('team_id', '=', teamId)
      .where('ended_by', '=', userId)
      .where('end_reason', 'is not', null)
      .execute(),
  ]);
  const expectations = await expectationsWritten(db, who, pairs);
  const [actionItems, feedbackAsked, feedbackAnswered, resources, explored, thanksSent, thanksReceived, messages, dailyCounts, installed] = await Promise.all([
    db
      .selectFrom('action_items')
      .select(['id', 'pair_id', 'meeting_id', 'owner_id', 'body', 'due_on', 'done_at', 'created_by', 'created_at'])
      .where('team_id', '=', teamId)
      .where((eb) => eb.or([eb('created_by', '=', userId), eb('owner_id', '=', userId)]))
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('feedback_requests')
      .select(['id', 'pair_id', 'area', 'question', 'status', 'application', 'applied_at', 'created_at'])
      .where('team_id', '=', teamId)
      .where('requester_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('feedback_requests')
      .select(['id', 'pair_id', 'answer', 'answered_at', 'example', 'example_given_at'])
      .where('team_id', '=', teamId)
      .where('responder_id', '=', userId)
      .where('answer', 'is not', null)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('learning_resources')
      .select(['id', 'pair_id', 'title', 'url', 'kind', 'created_at'])
      .where('team_id', '=', teamId)
      .where('recommended_by', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('learning_resources')
      .select(['id', 'pair_id', 'title', 'takeaway', 'explored_at'])
      .where('team_id', '=', teamId)
      .where('explored_by', '=', userId)
      .where('takeaway', 'is not', null)
      .execute(),
    db
      .selectFrom('appreciations')
      .select(['id', 'pair_id', 'to_id', 'message', 'created_at'])
      .where('team_id', '=', teamId)
      .where('from_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('appreciations')
      .select(['id', 'pair_id', 'from_id', 'message', 'created_at'])
      .where('team_id', '=', teamId)
      .where('to_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('outbox')
      .select(['id', 'kind', 'pair_id', 'state', 'due_at', 'sent_at'])
      .where('team_id', '=', teamId)
      .where('recipient_id', '=', userId)
      .orderBy('due_at')
      .execute(),
    db.selectFrom('reminder_daily_counts').select(['local_date', 'sent']).where('team_id', '=', teamId).where('user_id', '=', userId).execute(),
    db.selectFrom('installations').select(['installed_at']).where('team_id', '=', teamId).where('installer_user_id', '=', userId).executeTakeFirst(),
  ]);
  return {
    person,
    pairs: pairRows,
    journal,
    agendaItems,
    focusMeetings,
    notesMeetings,
    goalsCreated,
    reflections,
    changeRequests,
    progressItems,
    swot,
    actionItems,
    feedbackAsked,
    feedbackAnswered,
    resources,
    explored,
    thanksSent,
    thanksReceived,
    messages,
    dailyCounts,
    installed,
    closingReflections,
    endReasons,
    expectations,
    ...(await updatesOf(db, who)),
    ...(await coordinationOf(db, who)),
    checkIns: await checkInsOf(db, who),
    homeOpenedAt: await homeOpenedAtOf(db, who),
  };
}

/** The person's own answers to the check-ins during a mentorship (private to them unless they shared one). */
function checkInsOf(db: Executor, { teamId, userId }: Who) {
  return db
    .selectFrom('progress_check_ins')
    .select(['pair_id', 'checkpoint', 'answer', 'note', 'shared', 'answered_at'])
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .orderBy('answered_at')
    .execute();
}

/** When the person last opened (or used) the bot's Home tab, or null: what decides whether a change republishes it. */
async function homeOpenedAtOf(db: Executor, { teamId, userId }: Who): Promise<Date | null> {
  const row = await db.selectFrom('home_openings').select('opened_at').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return row?.opened_at ?? null;
}

/** Whether a coordinator added the person to the program's coordinators, and whom they added. */
async function coordinationOf(db: Executor, { teamId, userId }: Who) {
  const rows = await db
    .selectFrom('program_coordinators')
    .select(['user_id', 'added_by', 'created_at'])
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('added_by', '=', userId)]))
    .orderBy('created_at')
    .execute();
  return {
    coordinatorSince: rows.find((row) => row.user_id === userId) ?? null,
    coordinatorsAdded: rows.filter((row) => row.added_by === userId && row.user_id !== userId),
  };
}

/** Updates between meetings the person wrote, and those written to them. */
async function updatesOf(db: Executor, { teamId, userId }: Who) {
  const rows = await db
    .selectFrom('pair_updates')
    .select(['id', 'pair_id', 'author_id', 'to_id', 'done_since', 'win', 'blocker', 'created_at'])
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('to_id', '=', userId)]))
    .orderBy('created_at')
    .execute();
  return {
    updatesSent: rows.filter((row) => row.author_id === userId).map(({ author_id: _author, ...row }) => row),
    updatesReceived: rows.filter((row) => row.to_id === userId).map(({ to_id: _to, ...row }) => row),
  };
}

/** Per pair: the expectations' terms if the person proposed the current version, and their own hope. */
async function expectationsWritten(db: Executor, who: Who, pairs: PairsOfPerson) {
  const rows = await db
    .selectFrom('pair_expectations')
    .select(['pair_id', 'between_meetings', 'feedback_style', 'boundaries', 'mentor_hope', 'mentee_hope', 'proposed_by', 'agreed_at'])
    .where('team_id', '=', who.teamId)
    .where(pairIn([...pairs.asMentor, ...pairs.asMentee]))
    .execute();
  return rows
    .map((row) => ({
      pair_id: row.pair_id,
      terms:
        row.proposed_by === who.userId
          ? { between_meetings: row.between_meetings, feedback_style: row.feedback_style, boundaries: row.boundaries, agreed_at: row.agreed_at }
          : null,
      my_hope: pairs.asMentor.includes(row.pair_id) ? row.mentor_hope : row.mentee_hope,
    }))
    .filter((row) => row.terms !== null || row.my_hope !== null);
}

export type PersonalData = Awaited<ReturnType<typeof readPersonalData>>;

/** The display names of the other people of the person's pairs (their names only, for the export's readability). */
export async function namesOf(db: Executor, teamId: string, userIds: readonly string[]): Promise<Record<string, string>> {
  if (userIds.length === 0) return {};
  const rows = await db
    .selectFrom('people')
    .select(['user_id', 'display_name'])
    .where('team_id', '=', teamId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return Object.fromEntries(rows.map((row) => [row.user_id, row.display_name]));
}

// ---- erasing ----------------------------------------------------------------------------------------------

/** Rows changed per kind, for the log and the answer. */
export type Erased = Record<string, number>;

const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }[] | { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number =>
  (Array.isArray(result) ? result : [result]).reduce((sum, part) => sum + Number(part.numUpdatedRows ?? part.numDeletedRows ?? 0), 0);

/**
 * Deletes the person's private data and blanks their text in shared pair history, in the caller's
 * transaction. The other person's own rows are not touched: every statement is bounded by the
 * person's authorship (see the rules at the top).
 */
export async function erasePersonalData(tx: Executor, who: Who, pairs: PairsOfPerson, now: Date): Promise<Erased> {
  const { teamId, userId } = who;
  const removed = (column: string) => sql<string | null>`case when ${sql.ref(column)} is null then null else ${REMOVED} end`;
  const erased: Erased = {};
  erased.journal = count(await tx.deleteFrom('journal_entries').where('team_id', '=', teamId).where('author_id', '=', userId).executeTakeFirst());
  erased.reflections = count(
    await tx
      .updateTable('goals')
      .set({ reflection: null, updated_at: now })
      .where(pairIn(pairs.asMentee))
      .where('reflection', 'is not', null)
      .executeTakeFirst(),
  );
  erased.swot = count(await tx.deleteFrom('swot_assessments').where(pairIn(pairs.asMentee)).executeTakeFirst());
  // Deleting the closing reflection also stops the check-ins: the dispatcher sends none without it.
  erased.closingReflections = count(await tx.deleteFrom('pair_reflections').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst());
  erased.checkIns = count(await tx.deleteFrom('progress_check_ins').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst());
  erased.endReasons = count(
    await tx
      .updateTable('pairs')
      .set({ end_reason: null })
      .where('team_id', '=', teamId)
      .where('ended_by', '=', userId)
      .where('end_reason', 'is not', null)
      .executeTakeFirst(),
  );
  erased.homeOpenings = count(await tx.deleteFrom('home_openings').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst());
  erased.dailyCounts = count(await tx.deleteFrom('reminder_daily_counts').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst());
  // Carry-overs quote an action item's text, whoever carried it over.
  erased.agendaItems = count(
    await tx
      .updateTable('agenda_items')
      .set({ body: REMOVED, url: null })
      .where('team_id', '=', teamId)
      .where((eb) =>
        eb.or([
          eb('author_id', '=', userId),
          eb('action_item_id', 'in', eb.selectFrom('action_items').select('id').where('team_id', '=', teamId).where('created_by', '=', userId)),
        ]),
      )
      .executeTakeFirst(),
  );
  erased.agendaFocus = count(
    await tx
      .updateTable('meetings')
      .set({ feedback_focus: removed('feedback_focus'), shared_highlight: removed('shared_highlight') })
      .where(pairIn(pairs.asMentee))
      .where((eb) => eb.or([eb('feedback_focus', 'is not', null), eb('shared_highlight', 'is not', null)]))
      .executeTakeFirst(),
  );
  erased.notes = count(
    await tx
      .updateTable('meetings')
      .set({ takeaways: removed('takeaways'), feedback_received: removed('feedback_received'), feedback_application: removed('feedback_application') })
      .where('team_id', '=', teamId)
      .where('notes_recorded_by', '=', userId)
      .executeTakeFirst(),
  );
  erased.actionItems = count(
    await tx.updateTable('action_items').set({ body: REMOVED }).where('team_id', '=', teamId).where('created_by', '=', userId).executeTakeFirst(),
  );
  erased.goals = count(
    await tx
      .updateTable('goals')
      .set({
        title: REMOVED,
        specific: removed('specific'),
        measurable: removed('measurable'),
        achievable: removed('achievable'),
        relevant: removed('relevant'),
        objective: removed('objective'),
        updated_at: now,
      })
      .where('team_id', '=', teamId)
      .where('created_by', '=', userId)
      .executeTakeFirst(),
  );
  erased.goalItems = count(
    await tx
      .updateTable('goal_progress_items')
      .set({ title: REMOVED })
      .where('goal_id', 'in', (eb) => eb.selectFrom('goals').select('id').where('team_id', '=', teamId).where('created_by', '=', userId))
      .executeTakeFirst(),
  );
  erased.changeRequests = count(
    await tx.updateTable('goals').set({ changes_comment: REMOVED }).where(pairIn(pairs.asMentor)).where('changes_comment', 'is not', null).executeTakeFirst(),
  );
  erased.feedback = count([
    await tx
      .updateTable('feedback_requests')
      .set({ area: REMOVED, question: REMOVED, application: removed('application') })
      .where('team_id', '=', teamId)
      .where('requester_id', '=', userId)
      .executeTakeFirst(),
    await tx
      .updateTable('feedback_requests')
      .set({ answer: REMOVED, example: removed('example') })
      .where('team_id', '=', teamId)
      .where('responder_id', '=', userId)
      .where('answer', 'is not', null)
      .executeTakeFirst(),
  ]);
  erased.resources = count([
    await tx
      .updateTable('learning_resources')
      .set({ title: REMOVED, url: null })
      .where('team_id', '=', teamId)
      .where('recommended_by', '=', userId)
      .executeTakeFirst(),
    await tx
      .updateTable('learning_resources')
      .set({ takeaway: REMOVED })
      .where('team_id', '=', teamId)
      .where('explored_by', '=', userId)
      .where('takeaway', 'is not', null)
      .executeTakeFirst(),
  ]);
  erased.thanks = count(
    await tx.updateTable('appreciations').set({ message: REMOVED }).where('team_id', '=', teamId).where('from_id', '=', userId).executeTakeFirst(),
  );
  erased.expectations = count([
    await tx
      .updateTable('pair_expectations')
      .set({ between_meetings: removed('between_meetings'), feedback_style: removed('feedback_style'), boundaries: removed('boundaries') })
      .where('team_id', '=', teamId)
      .where('proposed_by', '=', userId)
      .executeTakeFirst(),
    await tx
      .updateTable('pair_expectations')
      .set({ mentor_hope: removed('mentor_hope') })
      .where(pairIn(pairs.asMentor))
      .executeTakeFirst(),
    await tx
      .updateTable('pair_expectations')
      .set({ mentee_hope: removed('mentee_hope') })
      .where(pairIn(pairs.asMentee))
      .executeTakeFirst(),
  ]);
  erased.updates = count(
    await tx
      .updateTable('pair_updates')
      .set({ done_since: removed('done_since'), win: removed('win'), blocker: removed('blocker') })
      .where('team_id', '=', teamId)
      .where('author_id', '=', userId)
      .executeTakeFirst(),
  );
  erased.messages = await forgetMessages(tx, who, pairs, now);
  await tx.updateTable('installations').set({ installer_user_id: null }).where('team_id', '=', teamId).where('installer_user_id', '=', userId).execute();
  erased.settings = count(
    await tx
      .updateTable('people')
      .set({
        display_name: FORMER_MEMBER,
        real_name: null,
        dm_channel_id: null,
        reminders_paused_until: null,
        prep_lead_minutes: sql<number>`default`,
        updated_at: now,
      })
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
  return erased;
}

/** What a message row keeps once its text is forgotten: enough for the sender to skip it. */
const FORGOTTEN_PAYLOAD = JSON.stringify({ forgotten: true });

/**
 * Messages: every unsent one addressed to the person is cancelled, and so is every unsent notice to
 * the other person of their pairs (rendered when it was written, it may quote the person's text:
 * better the other person misses a notice than the text outlive the deletion). Reminders to the
 * other person are rendered when sent, from what is left, so they stay. Sent rows of both keep only
 * their bookkeeping, never the text.
 */
async function forgetMessages(tx: Executor, who: Who, pairs: PairsOfPerson, now: Date): Promise<number> {
  const { teamId, userId } = who;
  const cancelled = await tx
    .updateTable('outbox')
    .set({ state: 'cancelled', last_error: 'personal data deleted', payload: FORGOTTEN_PAYLOAD, updated_at: now })
    .where('team_id', '=', teamId)
    .where('state', 'in', OPEN_OUTBOX)
    .where((eb) => eb.or([eb('recipient_id', '=', userId), eb.and([eb('kind', '=', 'notice'), pairIn([...pairs.asMentor, ...pairs.asMentee])])]))
    .executeTakeFirst();
  const redacted = await tx
    .updateTable('outbox')
    .set({ payload: FORGOTTEN_PAYLOAD })
    .where('team_id', '=', teamId)
    .where('state', 'not in', OPEN_OUTBOX)
    .where((eb) => eb.or([eb('recipient_id', '=', userId), pairIn([...pairs.asMentor, ...pairs.asMentee])]))
    .executeTakeFirst();
  return Number(cancelled.numUpdatedRows) + Number(redacted.numUpdatedRows);
}
