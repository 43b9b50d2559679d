import type { JournalWritten } from '../../domain/journal/events';
import type { EffectPlan } from './plan';

/** The journal is private: no message to anyone, and only its author's Home tab (which counts entries, never shows them). */
export const journalWritten = (event: JournalWritten): EffectPlan => ({ pairId: null, notices: [], home: [event.authorId] });
