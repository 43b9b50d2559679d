import { DateTime } from 'luxon';
import type { Pair } from '../../db/schema';
import { isValidTimeZone, localDateIn } from '../time/zoned';
import type { FieldErrors } from './pair-rules';

/** A change to a running pair's set-up: any of its goals channel, meeting zone and planned end. */
export interface PairChange {
  goalsChannelId: string;
  timeZone: string;
  plannedEndOn: string;
}

export type PairChangeField = 'channel' | 'timeZone' | 'plannedEnd';

/** The longest a mentorship may run from its start: two years, as the set-up modal offers. */
const MAX_MONTHS = 24;

/** Checks a change; every problem on the field to fix. An unchanged form is refused on the first field. */
export function checkPairChange(
  change: PairChange,
  pair: Pick<Pair, 'goals_channel_id' | 'time_zone' | 'planned_end_on' | 'started_on'>,
  now: Date,
): FieldErrors<PairChangeField> {
  const errors: FieldErrors<PairChangeField> = {};
  if (!/^[CG][A-Z0-9]+$/.test(change.goalsChannelId)) errors.channel = 'Pick a channel (not a direct message).';
  if (!isValidTimeZone(change.timeZone)) errors.timeZone = 'Use a time zone name such as Europe/Berlin or America/New_York.';
  const today = localDateIn(now, isValidTimeZone(change.timeZone) ? change.timeZone : pair.time_zone);
  const latest = DateTime.fromISO(pair.started_on, { zone: 'UTC' }).plus({ months: MAX_MONTHS }).toISODate() ?? pair.started_on;
  if (change.plannedEndOn < today || change.plannedEndOn <= pair.started_on)
    errors.plannedEnd = 'Pick an end from today on. To stop the mentorship now, use End instead.';
  else if (change.plannedEndOn > latest) errors.plannedEnd = `A mentorship runs at most two years: pick a date up to ${latest}.`;
  const unchanged = change.goalsChannelId === pair.goals_channel_id && change.timeZone === pair.time_zone && change.plannedEndOn === pair.planned_end_on;
  if (Object.keys(errors).length === 0 && unchanged) errors.plannedEnd = 'Nothing changed: change at least one detail, or close the form.';
  return errors;
}
