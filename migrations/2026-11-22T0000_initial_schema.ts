import { type Kysely, sql } from 'kysely';

/**
 * The whole mentorship domain. Every row carries the Slack workspace (team_id) so several
 * workspaces can share one database; composite foreign keys keep a row from pointing at a
 * person or pair of another workspace. Instants are timestamptz; local dates are `date`;
 * meeting wall times are 'HH:MM' text read in the pair's IANA zone.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP = `
    create table workspaces (
      team_id text primary key check (team_id ~ '^[TE][A-Z0-9]+$'),
      name text,
      created_at timestamptz not null default now()
    );

    create table people (
      team_id text not null references workspaces(team_id) on delete cascade,
      user_id text not null check (user_id ~ '^[UW][A-Z0-9]+$'),
      display_name text not null,
      time_zone text not null default 'UTC',
      dm_channel_id text,
      reminders_paused_until date,
      prep_lead_minutes integer not null default 1440 check (prep_lead_minutes between 15 and 10080),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (team_id, user_id)
    );

    create table pairs (
      id uuid primary key default gen_random_uuid(),
      team_id text not null references workspaces(team_id) on delete cascade,
      mentor_id text not null,
      mentee_id text not null,
      goals_channel_id text not null,
      cadence text not null check (cadence in ('weekly', 'biweekly', 'monthly')),
      meeting_time text not null check (meeting_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      time_zone text not null,
      first_meeting_on date not null,
      meeting_minutes integer not null check (meeting_minutes between 15 and 240),
      status text not null default 'active' check (status in ('active', 'paused', 'ended')),
      started_on date not null,
      planned_end_on date not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (mentor_id <> mentee_id),
      check (planned_end_on > started_on),
      unique (id, team_id),
      foreign key (team_id, mentor_id) references people(team_id, user_id),
      foreign key (team_id, mentee_id) references people(team_id, user_id)
    );
    -- One live pairing per mentor and mentee; an ended pair may start again.
    create unique index pairs_live_unique on pairs (team_id, mentor_id, mentee_id) where status <> 'ended';
    create index pairs_mentor on pairs (team_id, mentor_id);
    create index pairs_mentee on pairs (team_id, mentee_id);

    create table meetings (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      sequence integer not null check (sequence >= 0),
      scheduled_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 15 and 240),
      status text not null default 'scheduled' check (status in ('scheduled', 'held', 'skipped', 'cancelled')),
      rescheduled_from timestamptz,
      feedback_focus text,
      shared_highlight text,
      takeaways text,
      feedback_received text,
      feedback_application text,
      notes_recorded_by text,
      notes_recorded_at timestamptz,
      agenda_shared_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (pair_id, sequence),
      unique (id, team_id),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    );
    create index meetings_pair_time on meetings (pair_id, scheduled_at);

    create table agenda_items (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      meeting_id uuid not null,
      author_id text not null,
      kind text not null check (kind in ('topic', 'question', 'feedback_area', 'highlight', 'material', 'carry_over', 'wrap_up')),
      body text not null check (length(body) between 1 and 3000),
      url text,
      position integer not null default 0,
      resolved boolean not null default false,
      created_at timestamptz not null default now(),
      foreign key (meeting_id, team_id) references meetings(id, team_id) on delete cascade
    );
    create index agenda_items_meeting on agenda_items (meeting_id, position);

    create table goals (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      title text not null check (length(title) between 1 and 150),
      specific text,
      measurable text,
      achievable text,
      relevant text,
      objective text,
      target_date date not null,
      status text not null default 'draft'
        check (status in ('draft', 'awaiting_approval', 'changes_requested', 'approved', 'achieved', 'dropped')),
      -- Bumped on every change of substance so a stale channel message can be recognised.
      version integer not null default 1,
      approved_by text,
      approved_at timestamptz,
      changes_comment text,
      share_channel_id text,
      share_message_ts text,
      achieved_at timestamptz,
      reflection text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((approved_by is null) = (approved_at is null)),
      unique (id, team_id),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    );
    create index goals_pair on goals (pair_id, status);

    create table goal_progress_items (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      goal_id uuid not null,
      kind text not null check (kind in ('key_result', 'milestone')),
      title text not null check (length(title) between 1 and 300),
      target_value double precision,
      current_value double precision not null default 0,
      due_date date,
      done boolean not null default false,
      position integer not null default 0,
      updated_by text,
      updated_at timestamptz not null default now(),
      foreign key (goal_id, team_id) references goals(id, team_id) on delete cascade
    );
    create index goal_progress_items_goal on goal_progress_items (goal_id, position);

    create table swot_assessments (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null unique,
      strengths text,
      weaknesses text,
      opportunities text,
      threats text,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    );

    create table action_items (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      meeting_id uuid,
      owner_id text not null,
      body text not null check (length(body) between 1 and 1000),
      due_on date,
      done_at timestamptz,
      done_by text,
      created_by text not null,
      created_at timestamptz not null default now(),
      check ((done_at is null) = (done_by is null)),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade,
      foreign key (meeting_id, team_id) references meetings(id, team_id) on delete set null (meeting_id)
    );
    create index action_items_open on action_items (pair_id) where done_at is null;

    create table feedback_requests (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      meeting_id uuid,
      requester_id text not null,
      responder_id text not null,
      area text not null check (length(area) between 1 and 300),
      question text not null check (length(question) between 1 and 1000),
      status text not null default 'requested' check (status in ('requested', 'answered', 'applied')),
      answer text,
      answered_at timestamptz,
      application text,
      applied_at timestamptz,
      created_at timestamptz not null default now(),
      check (requester_id <> responder_id),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade,
      foreign key (meeting_id, team_id) references meetings(id, team_id) on delete set null (meeting_id)
    );
    create index feedback_requests_pair on feedback_requests (pair_id, created_at);

    create table learning_resources (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      title text not null check (length(title) between 1 and 200),
      url text,
      kind text not null default 'article' check (kind in ('article', 'book', 'course', 'video', 'podcast', 'talk', 'other')),
      recommended_by text not null,
      explored_at timestamptz,
      explored_by text,
      takeaway text,
      created_at timestamptz not null default now(),
      check ((explored_at is null) = (explored_by is null)),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    );
    create index learning_resources_pair on learning_resources (pair_id, created_at);

    -- Private to the author: every read is filtered by (team_id, author_id), never by pair alone.
    create table journal_entries (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      author_id text not null,
      pair_id uuid,
      went_well text,
      learned text,
      try_next text,
      created_at timestamptz not null default now(),
      check (coalesce(went_well, learned, try_next) is not null),
      foreign key (team_id, author_id) references people(team_id, user_id) on delete cascade,
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete set null (pair_id)
    );
    create index journal_entries_author on journal_entries (team_id, author_id, created_at desc);

    create table appreciations (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      meeting_id uuid,
      from_id text not null,
      to_id text not null,
      message text not null check (length(message) between 1 and 3000),
      created_at timestamptz not null default now(),
      check (from_id <> to_id),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade,
      foreign key (meeting_id, team_id) references meetings(id, team_id) on delete set null (meeting_id)
    );
    create index appreciations_pair on appreciations (pair_id, created_at);

    -- The notification outbox. A row is written in the same transaction as the change that causes it;
    -- dedupe_key makes planning idempotent across passes and replicas; attempt fences completion.
    create table outbox (
      id uuid primary key default gen_random_uuid(),
      team_id text not null references workspaces(team_id) on delete cascade,
      kind text not null check (kind ~ '^[a-z][a-z_]*$'),
      pair_id uuid,
      meeting_id uuid,
      recipient_id text not null,
      dedupe_key text not null unique,
      payload jsonb not null default '{}',
      due_at timestamptz not null,
      next_attempt_at timestamptz not null,
      state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'unknown')),
      attempt integer not null default 0 check (attempt >= 0),
      claimed_by text,
      channel_id text,
      slack_ts text,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade,
      foreign key (meeting_id, team_id) references meetings(id, team_id) on delete cascade
    );
    -- Only open rows are ever polled; the partial index keeps the due-work query flat as history grows.
    create index outbox_due on outbox (next_attempt_at) where state in ('pending', 'sending', 'unknown');
    create index outbox_meeting on outbox (meeting_id) where meeting_id is not null;

    -- Events API deliveries already handled (Slack retries up to 3 times with the same event_id).
    create table processed_events (
      event_id text primary key,
      team_id text not null,
      received_at timestamptz not null default now()
    );
`;

/** Prepared statements take one command each (PGlite insists), so the script runs statement by statement. */
async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script.split(/;\s*\n/).map((statement) => statement.trim()).filter(Boolean);
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop table if exists processed_events, outbox, appreciations, journal_entries, learning_resources,
      feedback_requests, action_items, swot_assessments, goal_progress_items, goals, agenda_items,
      meetings, pairs, people, workspaces cascade`,
  );
}
