import { statements } from './statements';

/**
 * A concrete example for a feedback answer (issue 15, point 9: "if feedback seems unclear, ask for
 * concrete examples"). The person who asked may ask once for an example (`example_asked_at`); the
 * person who answered gives it once (`example`, `example_given_at`). The example is the answerer's
 * text like the answer: exported with it and "(removed)" when they delete their data.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `alter table feedback_requests add column example_asked_at timestamptz`,
  `alter table feedback_requests add column example text check (char_length(example) <= 2000)`,
  `alter table feedback_requests add column example_given_at timestamptz`,
];

const DOWN: string[] = [
  'alter table feedback_requests drop column if exists example_given_at',
  'alter table feedback_requests drop column if exists example',
  'alter table feedback_requests drop column if exists example_asked_at',
];

export const { up, down } = statements(UP, DOWN);
