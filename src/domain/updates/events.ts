import type { UpdateDraft } from './update-rules';

/** An update between meetings was stored: the other person reads it by DM. */
export interface UpdateSent {
  type: 'update_sent';
  pairId: string;
  updateId: string;
  fromId: string;
  toId: string;
  update: UpdateDraft;
  /** The pair's next meeting, shown in the reader's zone, if one is planned. */
  nextMeetingAt: Date | null;
  readerZone: string;
}
