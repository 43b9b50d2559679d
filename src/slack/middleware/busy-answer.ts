export const BUSY_TEXT = "I'm busy right now and couldn't take that on. Nothing was changed; please try again in a moment.";
/** A form turned away stays open with everything typed in it: the person only has to submit again. */
export const BUSY_FORM_TEXT = "I'm busy right now and couldn't save this. Nothing was lost: what you typed is still here; please submit again in a moment.";

/** The parts of a Slack request that decide how it is turned away. */
export type BusyPayload = {
  type?: string;
  command?: string;
  response_url?: string;
  view?: { blocks?: Array<{ type?: string; block_id?: string }> };
  event?: { type?: string };
};

/** A private "busy" message for the person, sent through a response_url after the ack. */
export interface BusyFollowUp {
  url: string;
  message: { response_type: 'ephemeral'; replace_original: false; text: string };
}

/**
 * The cheapest honest answer to a request turned away: the ack's body (undefined: an empty 200) and,
 * for a button pressed in a message, a private note through its response_url, since its ack shows
 * nothing. A command says "busy" in its ack; a form keeps its modal open with the note on its first
 * input (field errors keep everything typed; a view without inputs cannot show them, and is just
 * acknowledged). Used by load shedding in Bolt's middleware and in front of Bolt's receiver alike.
 */
export function busyAnswer(body: BusyPayload): { ack: unknown; followUp?: BusyFollowUp } {
  if (typeof body.command === 'string') return { ack: { response_type: 'ephemeral', text: `:hourglass: ${BUSY_TEXT}` } };
  if (body.type === 'view_submission') {
    const input = body.view?.blocks?.find((block) => block.type === 'input' && block.block_id);
    return { ack: input?.block_id ? { response_action: 'errors', errors: { [input.block_id]: BUSY_FORM_TEXT } } : undefined };
  }
  if (body.type === 'block_actions' && typeof body.response_url === 'string' && body.response_url !== '') {
    return {
      ack: undefined,
      followUp: { url: body.response_url, message: { response_type: 'ephemeral', replace_original: false, text: `:hourglass: ${BUSY_TEXT}` } },
    };
  }
  return { ack: undefined };
}
