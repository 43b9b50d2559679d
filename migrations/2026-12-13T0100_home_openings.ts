import { statements } from './statements';

/**
 * When each person last opened the bot's Home tab (issue 13). Slack sends `app_home_opened` every time
 * someone navigates to the tab, and the bot publishes their dashboard then; so a change only needs to
 * republish the Home of people who may be looking at it now, and everyone else's is built when they
 * next open it. One row per person, overwritten at each opening. No foreign key: an opening can come
 * before the bot has stored the workspace or the person; an uninstalled workspace's rows go with its
 * other data (`TEAM_TABLES`), and a person's with their data (`/mentorship mydata`).
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table home_openings (
    team_id text not null,
    user_id text not null,
    opened_at timestamptz not null,
    primary key (team_id, user_id)
  )`,
];

const DOWN: string[] = ['drop table if exists home_openings'];

export const { up, down } = statements(UP, DOWN);
