/** A thank-you was stored: the other person hears it by DM. */
export interface ThanksSent {
  type: 'thanks_sent';
  pairId: string;
  appreciationId: string;
  fromId: string;
  toId: string;
  message: string;
  /** The meeting it follows, if any, in the reader's zone. */
  meetingAt: Date | null;
  readerZone: string;
}
