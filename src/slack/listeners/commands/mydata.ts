import { myDataMessage } from '../../blocks/mydata';
import type { SubcommandHandler } from './types';

/** `/mentorship mydata`: the person's own data, export or delete, offered privately (anyone may, in a pair or not). */
export const mydata: SubcommandHandler = async (args, _deps, { actor, reply }) => {
  await args.ack();
  await reply(myDataMessage(actor.userId));
};
