import { statements } from './statements';

/**
 * The people Slack last said were a workspace's admins or owners (issue 16, point 5). Admins and owners
 * coordinate the program through Slack's word (`users.info`), which only a request can ask; the weekly
 * digest is sent by the scheduler, with no request. So each time the bot reads a person's role it records
 * it here: a row while Slack says admin or owner (and active), none once it says otherwise. An admin the
 * bot never looked up gets no digest until they first use a program command or open their Home.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table workspace_admins (
    team_id text not null references workspaces (team_id) on delete cascade,
    user_id text not null,
    seen_at timestamptz not null default now(),
    primary key (team_id, user_id)
  )`,
];

const DOWN: string[] = ['drop table if exists workspace_admins'];

export const { up, down } = statements(UP, DOWN);
