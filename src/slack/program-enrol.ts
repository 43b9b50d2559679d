import type { WebClient } from '@slack/web-api';
import type { PickedUser } from '../domain/pairs/pair-rules';
import { checkEnrolment, type EnrolLine, type EnrolPair, type LineError, pairKey, type PersonRef, refKey } from '../domain/program/enrolment';
import { DomainError, isDomainError } from '../errors';
import type { RequestActor } from './actor';
import { beforeAck } from './ack-budget';
import type { AppDeps } from './context';
import { slackStanding } from './coordinators';
import { lookupUser, lookupUserByEmail } from './directory';
import { slackErrorCode, slackFailure } from './slack-failure';

const SLACK_DOWN = "I couldn't check these people with Slack just now. Please submit again; nothing was created.";
/** users.lookupByEmail allows about 50 calls a minute (Tier 3): a long list of addresses can meet it. */
const SLACK_BUSY = 'Slack asked me to slow down while I checked these people. Submit again in a minute, or send fewer lines at a time; nothing was created.';

/**
 * A batch checked as its preview and its confirmation need it: the presser must coordinate (a
 * DomainError `forbidden` otherwise, before anyone is looked up), each
 * person written is looked up once (users.info for a mention, users.lookupByEmail for an address),
 * and pairs that already run are refused by line. All before the ack, within its budget, so the
 * answer still reaches the modal; a slow Slack gets "submit again", never a half answer.
 */
export async function checkBatch(
  client: WebClient,
  deps: AppDeps,
  actor: RequestActor,
  lines: readonly EnrolLine[],
): Promise<{ pairs: EnrolPair[]; errors: LineError[] }> {
  const coordinatorThenPeople = async () => {
    await deps.services.program.mustCoordinate(actor, slackStanding(client));
    return lookUpPeople(client, lines);
  };
  const people = await beforeAck(coordinatorThenPeople()).catch((error: unknown) => {
    if (isDomainError(error)) throw error;
    actor.log.warn({ err: error }, 'Slack look-up failed during enrolment');
    throw new DomainError('slack_unavailable', slackFailure(error) === 'rate_limited' ? SLACK_BUSY : SLACK_DOWN);
  });
  const found = lines.flatMap((line) => {
    const mentor = people.get(refKey(line.mentor));
    const mentee = people.get(refKey(line.mentee));
    return mentor && mentee ? [[mentor.userId, mentee.userId] as const] : [];
  });
  const taken = new Map<string, string>();
  await Promise.all(
    found.map(async ([mentorId, menteeId]) => {
      const refusal = await deps.services.pairs.alreadyPaired(actor.teamId, mentorId, menteeId);
      if (refusal) taken.set(pairKey(mentorId, menteeId), refusal);
    }),
  );
  return checkEnrolment(lines, { people, coordinatorId: actor.userId, taken, now: deps.clock() });
}

async function lookUpPeople(client: WebClient, lines: readonly EnrolLine[]): Promise<Map<string, PickedUser | null>> {
  const refs = new Map<string, PersonRef>();
  for (const line of lines) for (const ref of [line.mentor, line.mentee]) refs.set(refKey(ref), ref);
  const entries = await Promise.all([...refs].map(async ([key, ref]) => [key, await lookUp(client, ref)] as const));
  return new Map(entries);
}

const NO_EMAIL_SCOPE =
  "I can't look people up by email address in this workspace yet: the app needs the users:read.email scope (an admin reinstalls it from manifest.yml). Write those people as @mentions meanwhile; nothing was created.";

async function lookUp(client: WebClient, ref: PersonRef): Promise<PickedUser | null> {
  if (ref.kind === 'email') {
    return lookupUserByEmail(client, ref.email).catch((error: unknown) => {
      // Installed before the manifest gained the scope: say what to do, not "Slack is down".
      if (slackErrorCode(error) === 'missing_scope') throw new DomainError('forbidden', NO_EMAIL_SCOPE);
      throw error;
    });
  }
  try {
    return await lookupUser(client, ref.userId);
  } catch (error) {
    if (slackErrorCode(error) === 'user_not_found') return null;
    throw error;
  }
}
