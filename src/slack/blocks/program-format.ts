import type { PairStatus } from '../../db/schema';
import type { HealthReason, PairHealth } from '../../domain/program/health';
import type { HealthCounts } from '../../domain/program/overview';

/** The words the overview and the Home section share for states, health and counts. */

export const STATE_LABEL: Record<PairStatus, string> = { invited: 'Invited', active: 'Active', paused: 'Paused', ended: 'Ended' };

export const HEALTH_LABEL: Record<PairHealth, string> = {
  on_track: ':large_green_circle: On track',
  needs_attention: ':large_yellow_circle: Needs attention',
  stalled: ':red_circle: Stalled',
};

export const HEALTH_OPTION: Record<PairHealth, string> = { on_track: 'On track', needs_attention: 'Needs attention', stalled: 'Stalled' };

export const REASON_TEXT: Record<HealthReason, string> = {
  no_meeting_held: 'no meeting held in 21 days',
  invitation_pending: 'invitation pending for over 3 days',
  no_notes: 'no notes after the last two meetings',
  no_agenda: 'no agenda before the last two meetings',
  check_in_not_working: 'check-in: not working (shared)',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "12 on track · 3 need attention · 1 stalled", of the pairs that have not ended. */
export function healthLine(counts: HealthCounts): string {
  const { on_track: onTrack, needs_attention: attention, stalled } = counts.byHealth;
  return `${onTrack} on track · ${attention} ${attention === 1 ? 'needs' : 'need'} attention · ${stalled} stalled`;
}

/** "16 pairs: 2 invited · 12 active · 1 paused · 1 ended". */
export function stateLine(counts: HealthCounts): string {
  const parts = (['invited', 'active', 'paused', 'ended'] as const).map((status) => `${counts.byStatus[status]} ${status}`);
  return `${plural(counts.total, 'pair', 'pairs')}: ${parts.join(' · ')}`;
}
