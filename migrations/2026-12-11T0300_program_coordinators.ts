import { statements } from './statements';

/**
 * Program coordinators (issue 16, point 1) and the program overview (point 2).
 *
 * - program_coordinators: the people a coordinator added, per workspace. Admins and owners are
 *   coordinators through Slack (users.info) and are never stored here.
 * - pairs_program_order: the overview lists a workspace's pairs newest first, a page at a time
 *   (limit/offset); this index serves that order without sorting every pair of the workspace.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table program_coordinators (
      team_id text not null,
      user_id text not null,
      added_by text not null,
      created_at timestamptz not null default now(),
      primary key (team_id, user_id)
    )`,
  `create index pairs_program_order on pairs (team_id, created_at desc, id desc)`,
];

const DOWN: string[] = ['drop index if exists pairs_program_order', 'drop table if exists program_coordinators'];

export const { up, down } = statements(UP, DOWN);
