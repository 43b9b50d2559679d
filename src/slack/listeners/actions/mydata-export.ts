import { onAction } from '../../adapters/action';
import { errorMessage } from '../../blocks/help';
import { exportSentMessage } from '../../blocks/mydata';
import { NOT_YOURS, ownPress } from '../../inputs/mydata-form';
import { sendExport } from '../../personal-data-export';

const FAILED = 'I could not prepare your data export just now; nothing was sent. Please press Export again in a minute.';

/**
 * "Export my data": acked at once; the file is built and uploaded to the presser's DM after the ack.
 * If that fails, the presser is told privately (the log says why, without their data).
 */
export const mydataExport = onAction({
  name: 'mydata_export',
  parse: ownPress,
  malformed: NOT_YOURS,
  run: async (_own, { actor, client }, deps) => {
    try {
      await sendExport(client, deps.services, actor);
      return { sent: true };
    } catch (error) {
      actor.log.warn({ err: error }, 'data export failed');
      return { sent: false };
    }
  },
  reply: ({ sent }) => ({ kind: 'private', message: sent ? exportSentMessage() : errorMessage(FAILED) }),
});
