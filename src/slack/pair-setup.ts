import type { WebClient } from '@slack/web-api';
import type { ModalView } from '@slack/types';
import type { Actor } from '../domain/actor';
import type { RequestActor } from './actor';
import type { PickedUser } from '../domain/pairs/pair-rules';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import { beforeAck } from './ack-budget';
import { defaultFirstDate, pairModal } from './blocks/pair-modal';
import type { AppDeps } from './context';
import { lookupUser } from './directory';
import { slackStanding } from './coordinators';

/**
 * The empty set-up modal, with the person opening it as mentor and their time zone as the default:
 * the stored one, else Slack's (nothing is stored for someone only opening a form), else UTC.
 */
export async function pairSetUpModal(client: WebClient, deps: AppDeps, actor: Actor): Promise<ModalView> {
  const known = await deps.services.people.find(actor.teamId, actor.userId);
  const timeZone = known?.time_zone ?? (await lookupUser(client, actor.userId).catch(() => null))?.timeZone ?? 'UTC';
  return pairModal({ mentorId: actor.userId, timeZone, firstDate: defaultFirstDate(deps.clock(), timeZone) });
}

/**
 * Both people as Slack knows them (bot? deleted? their zone?), asked before the ack and within its
 * budget, so a slow or failing Slack still gets the person a field error inside the 3 seconds.
 */
export async function lookUpPair(
  client: WebClient,
  ids: { mentorId: string; menteeId: string },
  log: Logger,
): Promise<{ mentor: PickedUser; mentee: PickedUser }> {
  try {
    const [mentor, mentee] = await beforeAck(Promise.all([lookupUser(client, ids.mentorId), lookupUser(client, ids.menteeId)]));
    return { mentor, mentee };
  } catch (error) {
    log.warn({ err: error }, 'users.info failed during pair set-up');
    throw new DomainError('slack_unavailable', "I couldn't check these people with Slack just now. Please submit again.", 'mentee');
  }
}

/**
 * Whether the person setting up a pair for two other people is a program coordinator (the same rule
 * as the program overview: admin or owner, or added by a coordinator), asked before
 * the ack and within its budget, like the people look-ups. Someone setting up their own pair is not asked about.
 */
export async function isCoordinator(client: WebClient, deps: AppDeps, actor: RequestActor, form: { mentorId: string; menteeId: string }): Promise<boolean> {
  if (actor.userId === form.mentorId || actor.userId === form.menteeId) return false;
  try {
    return await beforeAck(deps.services.program.isCoordinator(actor.teamId, actor.userId, slackStanding(client)));
  } catch (error) {
    actor.log.warn({ err: error }, 'users.info failed during the coordinator check');
    throw new DomainError('slack_unavailable', "I couldn't check with Slack who may set up this pair just now. Please submit again.", 'mentor');
  }
}
