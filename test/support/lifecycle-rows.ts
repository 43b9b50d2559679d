import type { Pair, Person } from '../../src/db/schema';

/** The lifecycle columns of a pair row that was never paused, ended or invited: for hand-built rows in unit tests. */
export const NO_LIFECYCLE: Pick<
  Pair,
  'coordinator_id' | 'invitation_expires_at' | 'paused_at' | 'paused_by' | 'resume_on' | 'ended_at' | 'ended_by' | 'end_reason'
> = {
  coordinator_id: null,
  invitation_expires_at: null,
  paused_at: null,
  paused_by: null,
  resume_on: null,
  ended_at: null,
  ended_by: null,
  end_reason: null,
};

/** The same for a person: Slack's zone followed, account active. */
export const ACTIVE_PERSON: Pick<Person, 'real_name' | 'slack_time_zone' | 'time_zone_overridden' | 'deactivated_at' | 'erased_at'> = {
  real_name: null,
  slack_time_zone: null,
  time_zone_overridden: false,
  deactivated_at: null,
  erased_at: null,
};
