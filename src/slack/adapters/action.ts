import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Recorded } from '../../domain/effects/effects';
import { actorOf, type RequestActor } from '../actor';
import { errorMessage, type Message } from '../blocks/help';
import type { AppDeps } from '../context';
import { slackErrorCode } from '../slack-failure';
import { replaceMessage, replyPrivately } from '../replies';
import { refusalText } from './refusal';
import { type DomainError, isDomainError } from '../../errors';
import { asJson } from '../web-api-json';

/** A button press (or a pick in a select) and where it happened. Everything in it is untrusted. */
export interface Press {
  actor: RequestActor;
  /**
   * The request's client, for reads that shape the answer (users.info for a time zone). Never for
   * messages: the reply goes through `reply`, and anything else through the service's events.
   */
  client: WebClient;
  /** The pressed button's value, the picked option's value, or the picked user (users_select). */
  value: string | undefined;
  triggerId: string;
  /** The message the element was in (ephemeral or not), when it was in a message. */
  messageTs?: string;
  ephemeral: boolean;
  /** The view the element was in (a modal or the Home tab), when it was in one; `values` is its untrusted input state. */
  view?: { id: string; hash: string; callbackId: string; privateMetadata: string; type: string; blocks: readonly KnownBlock[]; values: unknown };
  /** The message's own blocks and text, when Slack sent them (presses in non-ephemeral messages). */
  message?: { text: string; blocks: readonly KnownBlock[] };
  /** Present when the press carried a response_url (a press in a message). */
  respond?: RespondFn;
}

/** What the presser sees after a press. */
export type ActionReply =
  | { kind: 'private'; message: Message }
  /** Replace the message the element was in (its buttons are done with). */
  | { kind: 'replace'; message: Message }
  | { kind: 'open'; view: ModalView }
  | { kind: 'push'; view: ModalView }
  /** Update the modal the element was in, guarded by its hash. */
  | { kind: 'update_view'; view: ModalView };

export interface ActionSpec<Input, Outcome> {
  /** Names the interaction in the logs and in Slack-failure messages. */
  name: string;
  /** The untrusted parts of the press, parsed; null refuses it with `malformed`. */
  parse: (press: Press) => Input | null;
  /** What a malformed press is told (a forged id is a claim on something that is not theirs). */
  malformed?: string;
  /** The one service call. A DomainError is the person's answer; nothing else needs handling here. */
  run: (input: Input, press: Press, deps: AppDeps) => Promise<Outcome>;
  /**
   * Besides the private refusal: what else the presser sees when the service refused with a
   * DomainError, e.g. the stale message a button was pressed in, redrawn as things now stand.
   */
  refused?: (error: DomainError, press: Press, deps: AppDeps) => ActionReply | null | Promise<ActionReply | null>;
  /** What the presser sees; the outcome's `effects` (notices, Home refreshes) are flushed after it. */
  reply?: (outcome: Outcome, press: Press, deps: AppDeps) => ActionReply | readonly ActionReply[] | null | Promise<ActionReply | readonly ActionReply[] | null>;
}

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const MALFORMED = 'That button no longer works. Nothing was changed.';

/**
 * The one adapter for block actions: ack at once (Slack's 3 s, and the trigger_id's), parse the
 * press, call one service method, show the presser what happened, then flush what the change left
 * to do. A refusal reaches the presser privately and changes nothing.
 */
export function onAction<Input, Outcome>(spec: ActionSpec<Input, Outcome>) {
  return (deps: AppDeps) =>
    async (args: Args): Promise<void> => {
      await args.ack();
      const press = pressOf(args);
      const log = press.actor.log.child({ action: spec.name });
      const input = spec.parse(press);
      if (input === null) {
        log.warn({ value: press.value?.slice(0, 80) }, 'malformed press refused');
        return deliver(args.client, deps, press, { kind: 'private', message: errorMessage(spec.malformed ?? MALFORMED) });
      }
      let outcome: Outcome;
      try {
        outcome = await spec.run(input, press, deps);
      } catch (error) {
        await deliver(args.client, deps, press, { kind: 'private', message: errorMessage(refusalText(error, log, spec.name)) });
        if (spec.refused && isDomainError(error)) await refresh(args.client, deps, press, () => spec.refused!(error, press, deps));
        return;
      }
      try {
        const replies = (await spec.reply?.(outcome, press, deps)) ?? [];
        for (const reply of Array.isArray(replies) ? replies : [replies as ActionReply]) await deliver(args.client, deps, press, reply);
      } catch (error) {
        await deliver(args.client, deps, press, { kind: 'private', message: errorMessage(refusalText(error, log, spec.name)) });
      }
      await deps.effects.flush(effectsOf(outcome));
    };
}

/** A refusal's follow-up: best effort, since the person already has their answer. */
async function refresh(client: WebClient, deps: AppDeps, press: Press, follow: () => ActionReply | null | Promise<ActionReply | null>): Promise<void> {
  try {
    const reply = await follow();
    if (reply) await deliver(client, deps, press, reply);
  } catch (error) {
    press.actor.log.warn({ err: error }, 'stale message not refreshed');
  }
}

/** The outcome's recorded effects, when the service call changed something. */
export const effectsOf = (outcome: unknown): Recorded | undefined =>
  outcome !== null && typeof outcome === 'object' && 'effects' in outcome ? ((outcome as { effects: Recorded }).effects ?? undefined) : undefined;

export function pressOf(args: Args): Press {
  const { body, action, context, respond, client } = args;
  const pressed = action as { value?: unknown; selected_option?: { value?: unknown }; selected_user?: unknown };
  const value =
    typeof pressed.value === 'string'
      ? pressed.value
      : typeof pressed.selected_option?.value === 'string'
        ? pressed.selected_option.value
        : typeof pressed.selected_user === 'string'
          ? pressed.selected_user
          : undefined;
  const container = body.container as { type?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  const view = body.view;
  return {
    actor: actorOf(context),
    client,
    value,
    triggerId: body.trigger_id,
    messageTs: container?.type === 'message' ? container.message_ts : undefined,
    ephemeral: container?.is_ephemeral === true,
    view: view
      ? {
          id: view.id,
          hash: view.hash,
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          type: view.type,
          blocks: view.blocks as KnownBlock[],
          values: view.state?.values,
        }
      : undefined,
    message: body.message ? { text: String(body.message.text ?? ''), blocks: (body.message.blocks ?? []) as KnownBlock[] } : undefined,
    respond: body.response_url ? respond : undefined,
  };
}

async function deliver(client: WebClient, deps: AppDeps, press: Press, reply: ActionReply): Promise<void> {
  const { actor } = press;
  switch (reply.kind) {
    case 'private':
      return replyPrivately(client, deps.services.people, { ...actor, respond: press.respond }, reply.message, actor.log);
    case 'replace':
      return replaceMessage(client, { respond: press.respond, channelId: actor.channelId, messageTs: press.messageTs }, reply.message, actor.log);
    case 'open':
      await client.views.open({ trigger_id: press.triggerId, view: asJson(reply.view) });
      return;
    case 'push':
      await client.views.push({ trigger_id: press.triggerId, view: asJson(reply.view) });
      return;
    case 'update_view':
      if (!press.view) throw new Error('update_view for a press outside a view');
      // hash_conflict: the person changed the modal meanwhile; their newer view wins, nothing to tell them.
      await client.views.update({ view_id: press.view.id, hash: press.view.hash, view: asJson(reply.view) }).catch((error: unknown) => {
        if (slackErrorCode(error) !== 'hash_conflict') throw error;
        actor.log.info('modal changed meanwhile; update skipped');
      });
  }
}
