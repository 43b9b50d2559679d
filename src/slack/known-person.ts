import type { WebClient } from '@slack/web-api';
import type { AppDeps } from './context';
import { lookupUser } from './directory';

/**
 * The person's time zone and name, remembering them the first time they act: someone who is in
 * no pair (or not yet stored) still gets times in their own zone, and rows that name them (a
 * journal entry) have the person they must point to.
 */
export async function knownPerson(client: WebClient, deps: AppDeps, teamId: string, userId: string): Promise<{ timeZone: string; displayName: string }> {
  const stored = await deps.services.people.find(teamId, userId);
  if (stored) return { timeZone: stored.time_zone, displayName: stored.display_name };
  const looked = await lookupUser(client, userId);
  await deps.services.people.remember({ teamId, userId, displayName: looked.displayName, realName: looked.realName, timeZone: looked.timeZone });
  return { timeZone: looked.timeZone, displayName: looked.displayName };
}

/** A stored person's zone, for messages to them; UTC (named as such) if we somehow never stored them. */
export async function zoneOf(deps: AppDeps, teamId: string, userId: string): Promise<string> {
  return (await deps.services.people.find(teamId, userId))?.time_zone ?? 'UTC';
}
