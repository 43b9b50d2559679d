import { isDomainError } from '../../../errors';
import { onAction } from '../../adapters/action';
import { errorMessage } from '../../blocks/help';
import { habitChartSentMessage } from '../../blocks/program-habits';
import { sendHabitChart } from '../../program-habit-chart';

const FAILED = 'I could not draw the habits chart just now; nothing was sent. Please press Chart again in a minute.';

/**
 * "Chart" next to the program's habits (overview or Home): acked at once; the PNG is drawn and
 * uploaded to the coordinator's DM after the ack. Anyone who does not coordinate gets the service's
 * refusal and nothing is read or sent.
 */
export const programHabitChart = onAction({
  name: 'program_habit_chart',
  parse: () => ({}),
  run: async (_input, { actor, client }, deps) => {
    try {
      await sendHabitChart(client, deps, actor);
      return { sent: true };
    } catch (error) {
      if (isDomainError(error)) throw error;
      actor.log.warn({ err: error }, 'habit chart failed');
      return { sent: false };
    }
  },
  reply: ({ sent }) => ({
    kind: 'private',
    message: sent ? habitChartSentMessage() : errorMessage(FAILED),
  }),
});
