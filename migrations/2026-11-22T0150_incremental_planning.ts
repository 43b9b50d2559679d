import { type Kysely, sql } from 'kysely';

/**
 * Incremental planning (README "Reminders" → "Planning at scale"): a pass visits only what changed,
 * not every active pair.
 *
 * - meetings.reminders_planned_at: when the meeting's reminders were last planned; null means "plan
 *   me". The partial index meetings_to_plan holds only those rows, so a pass with nothing new touches
 *   no meeting at all.
 * - pairs.upcoming_valid_until: until when the pair's next meeting row is known to be right (the next
 *   meeting's start, or the rule's next occurrence, whichever comes first); null means "check me".
 * - pairs.wrap_up_planned_at: when the pair's wrap-up reminders were planned; null means "plan them
 *   once the end is near" (pairs_wrap_up_to_plan holds only those).
 *
 * The markers are cleared by triggers, in the same transaction as the change, so no code path that
 * changes a meeting, a pair's rule or a person's zone or lead time can forget to. Nothing reads the
 * markers for correctness beyond "is there work": planning stays idempotent.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `alter table meetings add column reminders_planned_at timestamptz`,
  `alter table pairs add column upcoming_valid_until timestamptz, add column wrap_up_planned_at timestamptz`,
  `create index meetings_to_plan on meetings (scheduled_at) where reminders_planned_at is null and status in ('scheduled', 'held')`,
  `create index pairs_upcoming_due on pairs (upcoming_valid_until) where status = 'active'`,
  `create index pairs_wrap_up_to_plan on pairs (planned_end_on) where wrap_up_planned_at is null and status = 'active'`,
  `-- A meeting whose time, length or status changes needs its reminders planned again.
    create function meetings_clear_planned() returns trigger language plpgsql as $$
    begin
      if new.scheduled_at is distinct from old.scheduled_at
         or new.duration_minutes is distinct from old.duration_minutes
         or new.status is distinct from old.status then
        new.reminders_planned_at := null;
      end if;
      return new;
    end $$`,
  `create trigger meetings_clear_planned before update on meetings
      for each row execute function meetings_clear_planned()`,
  `-- ... and so do the pair's later meetings (their mid-cycle nudge falls half-way from this one), and
    -- the pair's next meeting row must be checked again.
    create function meetings_touch_pair() returns trigger language plpgsql as $$
    declare
      changed meetings%rowtype;
    begin
      if tg_op = 'DELETE' then changed := old; else changed := new; end if;
      update meetings set reminders_planned_at = null
        where pair_id = changed.pair_id and id <> changed.id and reminders_planned_at is not null
          and scheduled_at > least(changed.scheduled_at, coalesce(old.scheduled_at, changed.scheduled_at));
      update pairs set upcoming_valid_until = null where id = changed.pair_id and upcoming_valid_until is not null;
      return null;
    end $$`,
  `create trigger meetings_touch_pair_update after update of scheduled_at, status on meetings
      for each row when (old.scheduled_at is distinct from new.scheduled_at or old.status is distinct from new.status)
      execute function meetings_touch_pair()`,
  `create trigger meetings_touch_pair_delete after delete on meetings
      for each row execute function meetings_touch_pair()`,
  `-- A pair's rule or status decides its next meeting; its people and status decide its reminders.
    create function pairs_clear_upcoming() returns trigger language plpgsql as $$
    begin
      if (new.cadence, new.meeting_time, new.time_zone, new.first_meeting_on, new.meeting_minutes, new.anchor_sequence, new.planned_end_on, new.status)
         is distinct from (old.cadence, old.meeting_time, old.time_zone, old.first_meeting_on, old.meeting_minutes, old.anchor_sequence, old.planned_end_on, old.status) then
        new.upcoming_valid_until := null;
        new.wrap_up_planned_at := null;
      end if;
      return new;
    end $$`,
  `create trigger pairs_clear_upcoming before update on pairs
      for each row execute function pairs_clear_upcoming()`,
  `create function pairs_clear_planned() returns trigger language plpgsql as $$
    begin
      update meetings set reminders_planned_at = null
        where pair_id = new.id and reminders_planned_at is not null and status in ('scheduled', 'held');
      return null;
    end $$`,
  `create trigger pairs_clear_planned after update on pairs
      for each row when ((old.status, old.mentor_id, old.mentee_id) is distinct from (new.status, new.mentor_id, new.mentee_id))
      execute function pairs_clear_planned()`,
  `-- A person's zone and lead time decide when their reminders are due.
    create function people_clear_planned() returns trigger language plpgsql as $$
    begin
      update meetings m set reminders_planned_at = null
        from pairs p
        where m.pair_id = p.id and p.team_id = new.team_id and (p.mentor_id = new.user_id or p.mentee_id = new.user_id)
          and m.reminders_planned_at is not null and m.status in ('scheduled', 'held');
      update pairs set wrap_up_planned_at = null
        where team_id = new.team_id and (mentor_id = new.user_id or mentee_id = new.user_id) and wrap_up_planned_at is not null;
      return null;
    end $$`,
  `create trigger people_clear_planned after update of time_zone, prep_lead_minutes on people
      for each row when ((old.time_zone, old.prep_lead_minutes) is distinct from (new.time_zone, new.prep_lead_minutes))
      execute function people_clear_planned()`,
];

const DOWN: string[] = [
  'drop trigger if exists people_clear_planned on people',
  'drop function if exists people_clear_planned()',
  'drop trigger if exists pairs_clear_planned on pairs',
  'drop function if exists pairs_clear_planned()',
  'drop trigger if exists pairs_clear_upcoming on pairs',
  'drop function if exists pairs_clear_upcoming()',
  'drop trigger if exists meetings_touch_pair_delete on meetings',
  'drop trigger if exists meetings_touch_pair_update on meetings',
  'drop function if exists meetings_touch_pair()',
  'drop trigger if exists meetings_clear_planned on meetings',
  'drop function if exists meetings_clear_planned()',
  'drop index if exists pairs_wrap_up_to_plan',
  'drop index if exists pairs_upcoming_due',
  'drop index if exists meetings_to_plan',
  'alter table pairs drop column if exists upcoming_valid_until, drop column if exists wrap_up_planned_at',
  'alter table meetings drop column if exists reminders_planned_at',
];

/** One statement per query: PGlite's extended protocol takes no multi-statement strings. */
async function runAll(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runAll(db, DOWN);
}
