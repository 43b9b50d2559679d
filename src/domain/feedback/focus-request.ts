import type { Tx } from '../../db/types';
import type { Meeting, Pair } from '../../db/schema';
import { AREA_MAX, checkFeedbackRequest } from './feedback-rules';
import { findOpenMeetingRequest, insertFeedbackRequest, setRequestArea } from './feedback.repository';

/**
 * The feedback focus of an agenda and a feedback request for the same meeting are one thing: sharing an
 * agenda with a focus creates the mentee's request for that meeting, or gives the unanswered one the new
 * area, in the agenda's transaction. No message of its own: the agenda DM carries the focus, and the
 * mentor finds the request to answer on Home and in `/mentorship feedback`.
 */
export async function requestForFocus(tx: Tx, pair: Pair, meeting: Meeting, focus: string, now: Date): Promise<void> {
  const checked = checkFeedbackRequest({ area: focus.slice(0, AREA_MAX), question: null });
  if (!checked.ok) return;
  const open = await findOpenMeetingRequest(tx, meeting.id, pair.mentee_id);
  if (open) {
    if (open.area !== checked.area) await setRequestArea(tx, open.id, checked.area, checked.question);
    return;
  }
  await insertFeedbackRequest(tx, {
    team_id: pair.team_id,
    pair_id: pair.id,
    meeting_id: meeting.id,
    requester_id: pair.mentee_id,
    responder_id: pair.mentor_id,
    area: checked.area,
    question: checked.question,
    created_at: now,
  });
}
