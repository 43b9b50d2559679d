import { isDomainError } from '../../../errors';
import { onAction } from '../../adapters/action';
import { errorMessage } from '../../blocks/help';
import { programCsvSentMessage } from '../../blocks/program-overview';
import { sendProgramCsv } from '../../program-export';

const FAILED = 'I could not prepare the program CSV just now; nothing was sent. Please press Export CSV again in a minute.';

/**
 * "Export CSV" in the program overview: acked at once; the file is built and uploaded to the
 * coordinator's DM after the ack. Anyone who does not coordinate gets the service's refusal and
 * nothing is read or sent; a failed upload is told privately (the log says why, without the file).
 */
export const programExportCsv = onAction({
  name: 'program_export_csv',
  parse: () => ({}),
  run: async (_input, { actor, client }, deps) => {
    try {
      return { pairs: await sendProgramCsv(client, deps, actor) };
    } catch (error) {
      if (isDomainError(error)) throw error;
      actor.log.warn({ err: error }, 'program csv failed');
      return { pairs: null };
    }
  },
  reply: ({ pairs }) => ({ kind: 'private', message: pairs === null ? errorMessage(FAILED) : programCsvSentMessage(pairs) }),
});
