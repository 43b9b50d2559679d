import type { Cadence } from '../../db/schema';

/**
 * A pair was set up: both people are welcomed by DM (each sees the first meeting in their own zone)
 * and the pair is introduced in its goals channel. When the bot may not post there (a private
 * channel it was not invited to), the person who set it up is told by DM instead.
 */
export interface PairCreated {
  type: 'pair_created';
  pairId: string;
  createdBy: string;
  mentorId: string;
  menteeId: string;
  goalsChannelId: string;
  cadence: Cadence;
  meetingMinutes: number;
  /** 'YYYY-MM-DD' */
  plannedEndOn: string;
  firstMeetingAt: Date;
  /** Each person's zone, by user id. */
  zones: Record<string, string>;
}
