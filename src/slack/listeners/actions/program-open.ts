import { onAction } from '../../adapters/action';
import { FIRST_PAGE } from '../../inputs/program-form';
import { overviewModal } from '../../program-overview';

/** "Open the overview" on a coordinator's Home: the same modal as `/mentorship program`. */
export const programOpen = onAction({
  name: 'program_open',
  parse: () => ({}),
  run: (_input, { actor, client }, deps) => overviewModal(client, deps, actor, FIRST_PAGE),
  reply: (view) => ({ kind: 'open', view }),
});
