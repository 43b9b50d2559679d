import type { NotesField, NotesInput } from '../../domain/meetings/notes.service';
import type { Parsed } from '../adapters/view';
import { meetingScopedBlock, NotesModal } from '../ids';
import { readOptions, readText, checkViewState } from './view-state';

const { blocks: b, actions: a } = NotesModal;

export const NOTES_FIELD_BLOCKS: Record<NotesField, string> = {
  takeaways: b.takeaways,
  actionItems: b.actionItems,
  feedbackApplication: b.feedbackApplication,
};

/** Reads the notes modal's fields (`readMeetingForm` adds the meeting it is about); the action item lines are parsed by the service, which knows the pair's names. */
export function parseNotesForm(values: unknown, meetingId: string): Parsed<NotesInput> {
  const state = checkViewState(values);
  const takeaways = readText(state, b.takeaways, a.takeaways);
  if (!takeaways) return { ok: false, errors: { [b.takeaways]: 'Write down at least one takeaway.' } };
  return {
    ok: true,
    value: {
      takeaways,
      actionItems: readText(state, b.actionItems, a.actionItems),
      feedbackReceived: readText(state, b.feedbackReceived, a.feedbackReceived),
      feedbackApplication: readText(state, b.feedbackApplication, a.feedbackApplication),
      coveredIds: readOptions(state, meetingScopedBlock(b.covered, meetingId), a.covered),
    },
  };
}
