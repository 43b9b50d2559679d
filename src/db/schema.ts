import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Local calendar date as 'YYYY-MM-DD' (the drivers are set to return `date` as text). */
export type LocalDate = string;
/** timestamptz: read as Date, written as Date or ISO string. */
export type Instant = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column added later: optional on insert. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export type PairStatus = 'invited' | 'active' | 'paused' | 'ended';
export type MeetingStatus = 'scheduled' | 'held' | 'skipped' | 'cancelled';
export type GoalStatus = 'draft' | 'awaiting_approval' | 'changes_requested' | 'approved' | 'achieved' | 'dropped';
export type AgendaItemKind = 'topic' | 'question' | 'feedback_area' | 'highlight' | 'material' | 'carry_over' | 'wrap_up';
export type ProgressItemKind = 'key_result' | 'milestone';
export type FeedbackStatus = 'requested' | 'answered' | 'applied';
export type ResourceKind = 'article' | 'book' | 'course' | 'video' | 'podcast' | 'talk' | 'other';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'unknown';

export interface WorkspacesTable {
  team_id: string;
  name: string | null;
  created_at: CreatedAt;
  /** When the workspace uninstalled the app; its data goes after the retention period (migration 2026-12-10). */
  uninstalled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An "Add to Slack" installation (multi-workspace mode); tokens are credentials: never logged. */
export interface InstallationsTable {
  team_id: string;
  enterprise_id: string | null;
  app_id: string | null;
  bot_token: string;
  bot_id: string | null;
  bot_user_id: string;
  /** Comma-separated, as Slack grants them. */
  bot_scopes: string;
  bot_refresh_token: string | null;
  bot_token_expires_at: Instant | null;
  installer_user_id: string | null;
  /** The latest install (a reinstall moves it). */
  installed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: UpdatedAt;
  revoked_at: Instant | null;
  token_rejected_at: Instant | null;
  token_error: string | null;
}

/** An OAuth `state` handed out by the install page and not used yet. */
export interface OauthStatesTable {
  id: string;
  expires_at: Instant;
}

export interface PeopleTable {
  team_id: string;
  user_id: string;
  display_name: string;
  /** Slack's real name, when it differs or is known (migration 2026-12-11T0800); action item owners may be named by it. */
  real_name: ColumnType<string | null, string | null | undefined, string | null>;
  time_zone: Generated<string>;
  dm_channel_id: string | null;
  reminders_paused_until: LocalDate | null;
  prep_lead_minutes: Generated<number>;
  /** Slack's zone as last seen (users.info, user_change); `time_zone` follows it unless overridden. */
  slack_time_zone: string | null;
  /** The person chose their own zone in the reminder settings (migration 2026-12-10T0100). */
  time_zone_overridden: Generated<boolean>;
  /** When Slack said the account was deactivated or deleted; null while it is active. */
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the scheduler erased the person's data after a deactivation (migration 2026-12-11T0100); older than `deactivated_at`: a previous one. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PairsTable {
  id: Generated<string>;
  team_id: string;
  mentor_id: string;
  mentee_id: string;
  goals_channel_id: string;
  cadence: Cadence;
  /** 'HH:MM' wall time in `time_zone`. */
  meeting_time: string;
  time_zone: string;
  first_meeting_on: LocalDate;
  meeting_minutes: number;
  status: Generated<PairStatus>;
  started_on: LocalDate;
  planned_end_on: LocalDate;
  /** The meeting sequence number `first_meeting_on` stands for (moves when the rhythm changes). */
  anchor_sequence: Generated<number>;
  /** Until when the pair's next meeting row is known to be right; null: the next pass checks it (migration 0150). */
  upcoming_valid_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the pair's wrap-up reminders were planned; null: plan them once the end is near (migration 0150). */
  wrap_up_planned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string;
  /** The coordinator who set the pair up for two other people; null when one of them did. */
  coordinator_id: Nullable<string>;
  /** An invited pair unanswered by then is removed by a scheduler pass. */
  invitation_expires_at: NullableInstant;
  paused_at: NullableInstant;
  paused_by: Nullable<string>;
  /** The local date (pair's zone) a pause ends by itself. */
  resume_on: Nullable<LocalDate>;
  ended_at: NullableInstant;
  /** Who ended it; null when it ended by itself. */
  ended_by: Nullable<string>;
  /** Private to `ended_by` (and the coordinator). */
  end_reason: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PairReflectionsTable {
  team_id: string;
  pair_id: string;
  user_id: string;
  learned: string | null;
  next_steps: string | null;
  long_term_goals: string | null;
  stay_in_touch: string | null;
  would_mentor: 'yes' | 'maybe' | 'no' | null;
  check_ins: Generated<boolean>;
  submitted_at: NullableInstant;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A pair's agreed expectations (one row per pair); see migration 2026-12-11T0200. */
export interface PairExpectationsTable {
  team_id: string;
  pair_id: string;
  between_meetings: string | null;
  feedback_style: string | null;
  boundaries: string | null;
  mentor_hope: string | null;
  mentee_hope: string | null;
  /** Who wrote the current version; the other person confirms or amends it. */
  proposed_by: string;
  /** When the other person confirmed the current version; null while it waits for them. */
  agreed_at: NullableInstant;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeetingsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  sequence: number;
  scheduled_at: Instant;
  duration_minutes: number;
  status: Generated<MeetingStatus>;
  rescheduled_from: Instant | null;
  feedback_focus: string | null;
  shared_highlight: string | null;
  takeaways: string | null;
  feedback_received: string | null;
  feedback_application: string | null;
  notes_recorded_by: string | null;
  notes_recorded_at: Instant | null;
  agenda_shared_at: Instant | null;
  /** When the meeting's reminders were planned; null: the next pass plans them (cleared by triggers, migration 0150). */
  reminders_planned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AgendaItemsTable {
  id: Generated<string>;
  team_id: string;
  meeting_id: string;
  author_id: string;
  kind: AgendaItemKind;
  body: string;
  url: string | null;
  position: Generated<number>;
  resolved: Generated<boolean>;
  /** Set on a carry_over item that stands for an open action item. */
  action_item_id: string | null;
  created_at: CreatedAt;
}

export interface GoalsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  title: string;
  specific: string | null;
  measurable: string | null;
  achievable: string | null;
  relevant: string | null;
  objective: string | null;
  target_date: LocalDate;
  status: Generated<GoalStatus>;
  version: Generated<number>;
  approved_by: string | null;
  approved_at: Instant | null;
  changes_comment: string | null;
  share_channel_id: string | null;
  share_message_ts: string | null;
  achieved_at: Instant | null;
  reflection: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GoalProgressItemsTable {
  id: Generated<string>;
  team_id: string;
  goal_id: string;
  kind: ProgressItemKind;
  title: string;
  target_value: number | null;
  current_value: Generated<number>;
  due_date: LocalDate | null;
  done: Generated<boolean>;
  position: Generated<number>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface SwotAssessmentsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  strengths: string | null;
  weaknesses: string | null;
  opportunities: string | null;
  threats: string | null;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface ActionItemsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  meeting_id: string | null;
  owner_id: string;
  body: string;
  due_on: LocalDate | null;
  done_at: Instant | null;
  done_by: string | null;
  created_by: string;
  created_at: CreatedAt;
  /** When its owner was nudged that it is overdue (once; migration 2026-12-12T0100). */
  overdue_nudged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FeedbackRequestsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  meeting_id: string | null;
  requester_id: string;
  responder_id: string;
  area: string;
  question: string;
  status: Generated<FeedbackStatus>;
  answer: string | null;
  answered_at: Instant | null;
  application: string | null;
  applied_at: Instant | null;
  /** When the person who asked asked for a concrete example of the answer (once). */
  example_asked_at: Instant | null;
  /** The answerer's example, given once. */
  example: string | null;
  example_given_at: Instant | null;
  created_at: CreatedAt;
}

export interface LearningResourcesTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  title: string;
  url: string | null;
  kind: Generated<ResourceKind>;
  recommended_by: string;
  explored_at: Instant | null;
  explored_by: string | null;
  takeaway: string | null;
  created_at: CreatedAt;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  team_id: string;
  author_id: string;
  pair_id: string | null;
  went_well: string | null;
  learned: string | null;
  try_next: string | null;
  created_at: CreatedAt;
  /** When its author last edited it (migration 2026-12-11T0100); null as first written. */
  edited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AppreciationsTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  meeting_id: string | null;
  from_id: string;
  to_id: string;
  message: string;
  created_at: CreatedAt;
}

/** A short note between meetings from one person of a pair to the other (`/mentorship update`). */
export interface PairUpdatesTable {
  id: Generated<string>;
  team_id: string;
  pair_id: string;
  author_id: string;
  to_id: string;
  done_since: string | null;
  win: string | null;
  blocker: string | null;
  created_at: CreatedAt;
}

export type CheckInAnswer = 'great' | 'okay' | 'not_working';

/** A person's answer to a check-in during the mentorship (migration 2026-12-12T0400): private unless `shared`. */
export interface ProgressCheckInsTable {
  team_id: string;
  pair_id: string;
  user_id: string;
  /** 1: a third of the planned duration; 2: two thirds. */
  checkpoint: number;
  answer: CheckInAnswer;
  note: string | null;
  shared: boolean;
  answered_at: Instant;
}

export interface OutboxTable {
  id: Generated<string>;
  team_id: string;
  kind: string;
  pair_id: string | null;
  meeting_id: string | null;
  recipient_id: string;
  dedupe_key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  due_at: Instant;
  next_attempt_at: Instant;
  state: Generated<OutboxState>;
  attempt: Generated<number>;
  claimed_by: string | null;
  channel_id: string | null;
  slack_ts: string | null;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** What the row was planned from; the planner re-plans an unsent row only when this changes. */
  basis: string | null;
  /** After this instant the reminder is stale: cancelled, never sent. */
  expires_at: Instant | null;
  /** When the current attempt was claimed. */
  claimed_at: Instant | null;
  /** Slack calls that may have posted (the retry budget; `attempt` counts claims and fences them). */
  sends: Generated<number>;
  /** When the last chat.postMessage call started: where the search for a post in doubt begins. */
  last_post_at: Instant | null;
}

/** One token bucket per workspace, shared by every replica (chat.postMessage's workspace limit). */
export interface SlackRateBucketsTable {
  team_id: string;
  tokens: number;
  refilled_at: Instant;
  blocked_until: Instant | null;
}

/** Proactive reminder DMs per person per local day (the daily cap). */
export interface ReminderDailyCountsTable {
  team_id: string;
  user_id: string;
  local_date: LocalDate;
  sent: Generated<number>;
}

export interface ProcessedEventsTable {
  event_id: string;
  team_id: string;
  received_at: CreatedAt;
}

/** A coordinator added by another coordinator (admins and owners are coordinators through Slack, never stored). */
export interface ProgramCoordinatorsTable {
  team_id: string;
  user_id: string;
  added_by: string;
  created_at: CreatedAt;
}

/** Who Slack last said is a workspace admin or owner (recorded when users.info is read; migration 2026-12-12T0300): the digest's admins. */
export interface WorkspaceAdminsTable {
  team_id: string;
  user_id: string;
  seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** When a person last opened the bot's Home tab (migration 2026-12-13T0100): whose Home a change republishes at once. */
export interface HomeOpeningsTable {
  team_id: string;
  user_id: string;
  opened_at: ColumnType<Date, Date | string, Date | string>;
}

export interface Database {
  workspaces: WorkspacesTable;
  installations: InstallationsTable;
  oauth_states: OauthStatesTable;
  people: PeopleTable;
  pairs: PairsTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  goals: GoalsTable;
  goal_progress_items: GoalProgressItemsTable;
  swot_assessments: SwotAssessmentsTable;
  action_items: ActionItemsTable;
  feedback_requests: FeedbackRequestsTable;
  learning_resources: LearningResourcesTable;
  journal_entries: JournalEntriesTable;
  appreciations: AppreciationsTable;
  pair_updates: PairUpdatesTable;
  progress_check_ins: ProgressCheckInsTable;
  outbox: OutboxTable;
  processed_events: ProcessedEventsTable;
  slack_rate_buckets: SlackRateBucketsTable;
  reminder_daily_counts: ReminderDailyCountsTable;
  pair_reflections: PairReflectionsTable;
  program_coordinators: ProgramCoordinatorsTable;
  workspace_admins: WorkspaceAdminsTable;
  home_openings: HomeOpeningsTable;
  pair_expectations: PairExpectationsTable;
}

export type Person = Selectable<PeopleTable>;
export type Pair = Selectable<PairsTable>;
export type PairUpdate = Selectable<PairUpdatesTable>;
export type ProgressCheckIn = Selectable<ProgressCheckInsTable>;
export type NewPair = Insertable<PairsTable>;
export type Meeting = Selectable<MeetingsTable>;
export type AgendaItem = Selectable<AgendaItemsTable>;
export type ActionItem = Selectable<ActionItemsTable>;
export type Goal = Selectable<GoalsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type InstallationRow = Selectable<InstallationsTable>;
export type PairReflection = Selectable<PairReflectionsTable>;
export type PairExpectations = Selectable<PairExpectationsTable>;
