import { statements } from './statements';

/**
 * Updates between meetings (issue 15, point 8): `/mentorship update` sends the other person of the pair
 * a short note (what I did since we met, a win, a blocker; at least one of them). Kept in the pair's
 * history like a thank-you: only its two people read it, and the author's text becomes "(removed)" when
 * they delete their data.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table pair_updates (
      id uuid primary key default gen_random_uuid(),
      team_id text not null,
      pair_id uuid not null,
      author_id text not null,
      to_id text not null,
      done_since text check (char_length(done_since) <= 1000),
      win text check (char_length(win) <= 1000),
      blocker text check (char_length(blocker) <= 1000),
      created_at timestamptz not null default now(),
      check (author_id <> to_id),
      check (coalesce(done_since, win, blocker) is not null),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    )`,
  `create index pair_updates_pair on pair_updates (pair_id, created_at desc)`,
  `create index pair_updates_author on pair_updates (team_id, author_id)`,
];

const DOWN: string[] = ['drop table if exists pair_updates'];

export const { up, down } = statements(UP, DOWN);
