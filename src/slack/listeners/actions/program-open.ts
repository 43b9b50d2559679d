import { onAction } from '../../adapters/action';
import { FIRST_PAGE, overviewStateOf } from '../../inputs/program-form';
import { overviewModal } from '../../program-overview';

/** "Open the overview" on a coordinator's Home: the same modal as `/mentorship program`. */
export const programOpen = onAction({
  name: 'program_open',
  parse: () => ({}),
  run: (_input, { actor, client }, deps) => overviewModal(client, deps, actor, FIRST_PAGE),
  reply: (view) => ({ kind: 'open', view }),
});

/** A button of the weekly digest DM: the overview filtered as the button says (anything unreadable: the first page). */
export const programDigestOpen = onAction({
  name: 'program_digest_open',
  parse: ({ value }) => overviewStateOf(value),
  run: (state, { actor, client }, deps) => overviewModal(client, deps, actor, state),
  reply: (view) => ({ kind: 'open', view }),
});
