import { parseAgendaLines, parseMaterialLines } from '../../domain/meetings/agenda-lines';
import type { AgendaInput } from '../../domain/meetings/agenda.service';
import { WRAP_UP_TOPICS, type WrapUpKey } from '../../domain/meetings/wrap-up';
import type { Parsed } from '../adapters/view';
import { AgendaModal, meetingScopedBlock } from '../ids';
import { type BlockErrors, type CheckedViewState, readOptions, readText, checkViewState } from './view-state';

const { blocks: b, actions: a } = AgendaModal;
const WRAP_UP_KEYS = new Set<string>(WRAP_UP_TOPICS.map((topic) => topic.key));
const hasBlock = (state: CheckedViewState, blockId: string): boolean => state.data !== null && blockId in state.data;

/**
 * Reads the agenda modal's fields (`readMeetingForm` adds the meeting it is about). Free text is split into lines by the pure parsers, whose messages go
 * under the field they concern. The feedback and highlight fields exist only in the mentee's modal:
 * when absent they are left as they are; when present and emptied they are cleared.
 */
export function parseAgendaForm(values: unknown, meetingId: string): Parsed<AgendaInput> {
  const state = checkViewState(values);
  const errors: BlockErrors = {};
  const topics = parseAgendaLines(readText(state, b.topics, a.topics), 'topics');
  if (!topics.ok) errors[b.topics] = topics.error;
  const questions = parseAgendaLines(readText(state, b.questions, a.questions), 'questions');
  if (!questions.ok) errors[b.questions] = questions.error;
  const materials = parseMaterialLines(readText(state, b.materials, a.materials));
  if (!materials.ok) errors[b.materials] = materials.error;
  if (!topics.ok || !questions.ok || !materials.ok) return { ok: false, errors };

  const carried = readOptions(state, meetingScopedBlock(b.carryOver, meetingId), a.carryOver);
  const wrapUp = readOptions(state, meetingScopedBlock(b.wrapUp, meetingId), a.wrapUp).filter((key): key is WrapUpKey => WRAP_UP_KEYS.has(key));
  const optionalText = (blockId: string, actionId: string) => (hasBlock(state, blockId) ? readText(state, blockId, actionId) : undefined);
  return {
    ok: true,
    value: {
      topics: topics.items,
      questions: questions.items,
      materials: materials.items,
      carryActionItemIds: carried.filter((value) => value.startsWith('a:')).map((value) => value.slice(2)),
      carryFollowUpIds: carried.filter((value) => value.startsWith('f:')).map((value) => value.slice(2)),
      wrapUp,
      feedbackFocus: optionalText(b.feedbackFocus, a.feedbackFocus),
      highlight: optionalText(b.highlight, a.highlight),
    },
  };
}
