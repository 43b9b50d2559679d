import { onAction } from '../../adapters/action';
import { pairSetUpModal } from '../../pair-setup';

/** "Start a mentorship pair" on the dashboard (or status) of someone in none: the same modal as `/mentorship pair`. */
export const homeStartPair = onAction({
  name: 'home_start_pair',
  parse: () => ({}),
  run: (_input, { actor, client }, deps) => pairSetUpModal(client, deps, actor),
  reply: (view) => ({ kind: 'open', view }),
});
