import { statements } from './statements';

/**
 * Check-ins during a mentorship (issue 16, point 7): at a third and at two thirds of the planned
 * duration each person answers "How is the mentorship going?" (great, okay, not working) with an
 * optional note. One row per pair, person and checkpoint (answering again updates it). Private to its
 * author unless they chose to share it with the program's coordinators (`shared`); only a shared
 * "not working" changes the pair's health. Deleted with the author's data.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table progress_check_ins (
      team_id text not null,
      pair_id uuid not null,
      user_id text not null,
      checkpoint smallint not null check (checkpoint in (1, 2)),
      answer text not null check (answer in ('great', 'okay', 'not_working')),
      note text check (char_length(note) <= 1000),
      shared boolean not null default false,
      answered_at timestamptz not null default now(),
      primary key (pair_id, user_id, checkpoint),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    )`,
  // The overview's health reads each pair's latest shared check-in per person.
  `create index progress_check_ins_shared on progress_check_ins (pair_id, user_id, answered_at desc) where shared`,
  `create index progress_check_ins_author on progress_check_ins (team_id, user_id)`,
  // The planning pass finds the active pairs whose check-in day is near by these (the same expressions as
  // planning.repository.ts's pairsAtCheckpoint), so a pass probes an index instead of reading every pair.
  `create index pairs_check_in_1 on pairs ((started_on + (planned_end_on - started_on) / 3)) where status = 'active'`,
  `create index pairs_check_in_2 on pairs ((started_on + (planned_end_on - started_on) * 2 / 3)) where status = 'active'`,
];

const DOWN: string[] = ['drop index if exists pairs_check_in_2', 'drop index if exists pairs_check_in_1', 'drop table if exists progress_check_ins'];

export const { up, down } = statements(UP, DOWN);
