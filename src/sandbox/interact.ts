import { dmId } from '../devtools/slack-stand-in';
import { type AppResponse, buildSubmission } from '../devtools/slack-driver';
import { actionElement, driverValue, inputElement, type PageValue, submissionInputs } from './inputs';
import { subscribedBotEvents } from './manifest';
import type { SandboxPerson } from './people';
import type { Sandbox } from './sandbox';

/**
 * What a person does on the page, played through SlackDriver against the bot's signed HTTP endpoint,
 * the way Slack's client would. Each answers what the page should tell the person beyond the redrawn
 * chat: Slack's own error line when the bot failed to answer, or a modal's field errors.
 */
export interface Outcome {
  /** A line Slack would show (e.g. the command failed); none when all went well. */
  notice?: string;
  errors?: Record<string, string>;
  /** Where a clock control moved the clock to. */
  clock?: string;
}

/** Slack answers a failed request with this line in the conversation; the sandbox shows it too. */
function failure(response: AppResponse | undefined, what: string): Outcome {
  if (!response || response.status === 200) return {};
  return { notice: `${what} failed: the app answered HTTP ${response.status}.` };
}

/** `/mentorship …` typed in a conversation. Slack shows the command's immediate answer (its ack body) privately. */
export function command(sandbox: Sandbox, person: SandboxPerson, channel: string, text: string): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const response = await world.driver.command(person.id, text, { channelId: channel });
    const answer = response.json as { text?: string; blocks?: unknown[] } | undefined;
    if (response.status === 200 && (answer?.text || answer?.blocks)) {
      // As Slack does with an ack that carries a message: shown to the person who typed the command.
      await fetch(world.standIn.issueResponseUrl(person.id, channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answer),
      });
    }
    return failure(response, '/mentorship');
  });
}

/** Slack's channel_type and event subscription for a message in a conversation, by its id's first letter. */
const MESSAGE_EVENTS: Record<string, { channelType: string; subscription: string }> = {
  D: { channelType: 'im', subscription: 'message.im' },
  C: { channelType: 'channel', subscription: 'message.channels' },
  G: { channelType: 'group', subscription: 'message.groups' },
};

/**
 * A plain message typed in a conversation (the person's DM with the bot, or the goals channel): Slack shows
 * it there, and sends the bot a message event only when the app subscribes to that kind (manifest.yml:
 * message.im, not message.channels).
 */
export function typedMessage(sandbox: Sandbox, person: SandboxPerson, channel: string | undefined, text: string): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const message = sandbox.addTyped(channel ?? dmId(person.id), person.id, text);
    const kind = MESSAGE_EVENTS[message.channel.charAt(0)];
    if (!kind || !subscribedBotEvents().has(kind.subscription)) return {};
    const event = { type: 'message', channel_type: kind.channelType, channel: message.channel, user: person.id, text, ts: message.ts, event_ts: message.ts };
    return failure(await world.driver.event(event), 'Your message');
  });
}

/** A button, overflow item, select or picker in a message (the person's own ephemerals included). */
export function clickInMessage(
  sandbox: Sandbox,
  person: SandboxPerson,
  channel: string,
  ts: string,
  actionId: string,
  value: PageValue | undefined,
): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const message = world.standIn.findMessage(channel, ts);
    if (!message) return { notice: 'That message is gone.' };
    const element = actionElement(message.blocks, actionId);
    const choice = element && element.type !== 'button' ? { value: driverValue(element, value, person.tz) } : { value: value ?? undefined };
    return failure(await world.driver.clickInMessage(person.id, message, actionId, choice), 'That action');
  });
}

/**
 * An interaction inside a view (a modal or the Home tab): an action element by action_id, or an input
 * block with dispatch_action by block_id (picking the mentee in the pair set-up).
 */
export function clickInView(
  sandbox: Sandbox,
  person: SandboxPerson,
  viewId: string,
  target: { actionId?: string; blockId?: string },
  value: PageValue | undefined,
  values?: Record<string, PageValue>,
): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const view = world.standIn.findView(viewId);
    if (!view) return { notice: 'That view is closed.' };
    // Slack's payload from a modal carries what every input shows now, typed or pre-filled.
    if (values) world.standIn.setViewState(view.id, buildSubmission(view, submissionInputs(view, values, person.tz)).values);
    const element = target.blockId ? inputElement(view, target.blockId) : actionElement(view.blocks, target.actionId ?? '');
    if (!element) return { notice: 'Nothing to press there.' };
    const choice = element.type === 'button' ? { value: value ?? undefined } : { value: driverValue(element, value, person.tz) };
    return failure(await world.driver.clickInView(person.id, view, String(element.action_id), choice), 'That action');
  });
}

/** Submit: the field errors Slack's client or the bot answered stay on the modal until the bot redraws it. */
export function submit(sandbox: Sandbox, person: SandboxPerson, viewId: string, values: Record<string, PageValue>): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const view = world.standIn.findView(viewId);
    if (!view) return { notice: 'That view is closed.' };
    const result = await world.driver.submitView(person.id, view, submissionInputs(view, values, person.tz));
    const errors = result.clientErrors ?? result.errors;
    const after = world.standIn.findView(viewId);
    if (after) sandbox.setErrors(viewId, after.hash, errors);
    if (result.ackProblem) return { notice: `Slack refused the app's answer: ${result.ackProblem.error}`, errors };
    return { ...failure(result.sent ? result : undefined, 'Submitting'), ...(errors ? { errors } : {}) };
  });
}

/** Cancel or the close button: the top view goes (the whole modal when the view says clear_on_close). */
export function closeView(sandbox: Sandbox, person: SandboxPerson, viewId: string): Promise<Outcome> {
  return sandbox.change(async (world) => {
    const view = world.standIn.findView(viewId);
    if (!view) return {};
    sandbox.setErrors(viewId, view.hash, undefined);
    return failure(await world.driver.closeView(person.id, view), 'Closing');
  });
}

/** The person opens the bot's Home tab: Slack sends app_home_opened every time, and the bot publishes it. */
export function openHome(sandbox: Sandbox, person: SandboxPerson): Promise<Outcome> {
  return sandbox.change(async (world) => failure(await world.driver.appHomeOpened(person.id), 'Opening Home'));
}
