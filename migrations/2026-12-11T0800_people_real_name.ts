import { statements } from './statements';

/**
 * The person's real name as Slack has it, next to the display name (issue 15, point 7): notes may name an
 * action item's owner by either. Null until Slack next tells it (users.info when the person acts, or a
 * `user_change`); erased with the rest of the person's data.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [`alter table people add column real_name text check (char_length(real_name) <= 250)`];

const DOWN: string[] = ['alter table people drop column if exists real_name'];

export const { up, down } = statements(UP, DOWN);
