import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../../errors';
import { actorOf, type RequestActor } from '../actor';
import type { Message } from '../blocks/help';
import type { AppDeps } from '../context';
import { PairPicker } from '../ids';
import { originChannel } from '../inputs/origin';
import { type CheckedViewState, checkViewState } from '../inputs/view-state';
import { replyPrivately } from '../replies';
import { effectsOf } from './action';

/** A view submission: its checked state, its (untrusted) metadata, and who sent it. */
export interface Submission {
  actor: RequestActor;
  /** The request's client, for reads before the ack (users.info): never for messages (see Press). */
  client: WebClient;
  view: ViewOutput;
  values: CheckedViewState;
  metadata: string | undefined;
  /** The conversation the modal was opened from (from its metadata), where a confirmation is shown. */
  origin: string | undefined;
}

export type BlockErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: BlockErrors };

/** How the modal answers a valid submission: close (the default), or show another view in its place. */
export type SubmitAck =
  { response_action: 'update'; view: ModalView } | { response_action: 'push'; view: ModalView } | { response_action: 'clear' } | undefined;

export interface SubmitSpec<Input, Outcome> {
  name: string;
  /** The block a refusal without a field of its own goes under (a modal with a pair picker shows it there). */
  field: string;
  /** The service's field names (in its `errors` or a DomainError's `field`) mapped to block ids. */
  fields?: Record<string, string>;
  parse: (submission: Submission) => Parsed<Input>;
  run: (input: Input, submission: Submission, deps: AppDeps) => Promise<Outcome>;
  ack?: (outcome: Success<Outcome>, submission: Submission) => SubmitAck;
  /**
   * A private confirmation to the submitter, after the ack, where they opened the modal. What it needs
   * to read (a goal list) it reads here, after the ack: nothing the ack does not need is read before it.
   */
  confirm?: (outcome: Success<Outcome>, submission: Submission, deps: AppDeps) => Message | null | Promise<Message | null>;
}

/** A service answer without its field errors. */
export type Success<Outcome> = Exclude<Outcome, { ok: false }>;

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const BUG = 'Something went wrong on my side; nothing was saved. Please submit again.';

/**
 * The one adapter for view submissions: parse the form, call one service method, and answer Slack
 * in the ack (field errors must come back in it, so the service call happens first). A problem goes
 * under the field that has to change and the modal keeps everything typed. After the ack: the
 * private confirmation, then what the change left to do (notices, Home tabs).
 */
export function onSubmit<Input, Outcome>(spec: SubmitSpec<Input, Outcome>) {
  return (deps: AppDeps) =>
    async ({ ack, view, client, context }: Args): Promise<void> => {
      const actor = actorOf(context);
      const log = actor.log.child({ view: spec.name });
      const submission: Submission = {
        actor,
        client,
        view,
        values: checkViewState(view.state.values),
        metadata: view.private_metadata,
        origin: originChannel(view.private_metadata),
      };
      const parsed = spec.parse(submission);
      if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
      const fallback = view.blocks.some((block) => block.block_id === PairPicker.blockId) ? PairPicker.blockId : spec.field;
      const blockOf = (field: string | undefined) => (field ? (spec.fields?.[field] ?? (field === PairPicker.blockId ? field : fallback)) : fallback);
      let outcome: Outcome;
      try {
        outcome = await spec.run(parsed.value, submission, deps);
      } catch (error) {
        if (!isDomainError(error)) log.error({ err: error }, 'view submission failed');
        const message = isDomainError(error) ? error.message : BUG;
        return ack({ response_action: 'errors', errors: { [blockOf(isDomainError(error) ? error.field : undefined)]: message } });
      }
      if (isRefused(outcome)) {
        const errors = Object.fromEntries(Object.entries(outcome.errors).flatMap(([field, message]) => (message ? [[blockOf(field), message]] : [])));
        await ack({ response_action: 'errors', errors });
        // A refusal may still have committed something others see (an outdated message refreshed).
        const effects = effectsOf(outcome);
        return effects ? deps.effects.flush(effects) : undefined;
      }
      const success = outcome as Success<Outcome>;
      await ack(spec.ack?.(success, submission));
      log.info('submission saved');
      const confirmation = await Promise.resolve(spec.confirm?.(success, submission, deps)).catch((error: unknown) => {
        log.warn({ err: error }, 'confirmation not built; the submission is saved');
        return null;
      });
      if (confirmation) await replyPrivately(client, deps.services.people, { ...actor, channelId: submission.origin }, confirmation, log);
      await deps.effects.flush(effectsOf(outcome));
    };
}

const isRefused = (outcome: unknown): outcome is { ok: false; errors: Record<string, string | undefined> } =>
  outcome !== null && typeof outcome === 'object' && (outcome as { ok?: unknown }).ok === false && typeof (outcome as { errors?: unknown }).errors === 'object';
