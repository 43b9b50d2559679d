import type { NoticeOnPosted, NoticeTarget } from '../../domain/notices/notice';
import type { Message } from '../blocks/help';

/** One message an event causes, before it is timed and keyed. */
export interface PlannedNotice {
  /** For logs and metrics: what the message is about. */
  topic: string;
  target: NoticeTarget;
  message: Message;
  /** A DM's timing: to the person who acted, at once; to anyone else, not during their quiet hours. */
  timing?: { zone: string; isActor: boolean; meetingAt?: Date | null };
  meetingId?: string | null;
  unfurl?: boolean;
  onPosted?: NoticeOnPosted;
}

/** Everything one event leads to. */
export interface EffectPlan {
  pairId: string | null;
  notices: PlannedNotice[];
  /** People whose Home tab shows the change. */
  home: string[];
}

export const dmTo = (userId: string): NoticeTarget => ({ type: 'dm', userId });
export const postIn = (channelId: string): NoticeTarget => ({ type: 'channel', channelId });
export const updateOf = (location: { channelId: string; ts: string }): NoticeTarget => ({ type: 'update', channelId: location.channelId, ts: location.ts });
