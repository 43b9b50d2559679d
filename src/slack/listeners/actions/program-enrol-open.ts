import { onAction } from '../../adapters/action';
import { enrolModal } from '../../blocks/program-enrol';
import { slackStanding } from '../../coordinators';

/** "Enrol pairs" in the program overview: the bulk form, pushed over it; anyone who does not coordinate is refused. */
export const programEnrolOpen = onAction({
  name: 'program_enrol_open',
  parse: () => ({}),
  run: async (_input, { actor, client }, deps) => {
    await deps.services.program.mustCoordinate(actor, slackStanding(client));
    return enrolModal();
  },
  reply: (view) => ({ kind: 'push', view }),
});
