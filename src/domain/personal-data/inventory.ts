import type { PersonalData } from './personal-data.repository';

/** What happens to one kind of a person's data when they delete it. */
export type Fate = 'deleted' | 'removed' | 'cancelled';

export interface InventoryLine {
  label: string;
  count: number;
  fate: Fate;
}

const OPEN = new Set(['pending', 'sending', 'unknown']);

/**
 * The person's data, counted per kind, in the order the confirmation lists it: what is deleted, then
 * what is blanked to "(removed)" in shared history, then the messages cancelled. Kinds with nothing
 * in them are left out, so the list says exactly what will go.
 */
export function inventoryOf(data: PersonalData, userId: string): InventoryLine[] {
  const lines: InventoryLine[] = [
    { label: 'journal entries', count: data.journal.length, fate: 'deleted' },
    { label: 'reflections on achieved goals', count: data.reflections.length, fate: 'deleted' },
    { label: 'SWOT self-assessments', count: data.swot.length, fate: 'deleted' },
    { label: 'closing reflections and check-in choices', count: data.closingReflections.length, fate: 'deleted' },
    { label: 'your answers to check-ins during a mentorship', count: data.checkIns.length, fate: 'deleted' },
    { label: 'reasons you gave for ending a mentorship', count: data.endReasons.length, fate: 'deleted' },
    { label: 'reminder settings and the name and DM the bot keeps for you', count: data.person ? 1 : 0, fate: 'deleted' },
    { label: 'daily reminder counts', count: data.dailyCounts.length, fate: 'deleted' },
    { label: 'when you last opened the bot’s Home', count: data.homeOpenedAt ? 1 : 0, fate: 'deleted' },
    { label: 'agenda items', count: data.agendaItems.length, fate: 'removed' },
    { label: 'agenda feedback focus and highlights', count: data.focusMeetings.length, fate: 'removed' },
    { label: 'meeting notes', count: data.notesMeetings.length, fate: 'removed' },
    { label: 'action items you wrote', count: data.actionItems.filter((item) => item.created_by === userId).length, fate: 'removed' },
    { label: 'goals', count: data.goalsCreated.length, fate: 'removed' },
    { label: 'key results and milestones', count: data.progressItems.length, fate: 'removed' },
    { label: 'requests for changes to a goal', count: data.changeRequests.length, fate: 'removed' },
    { label: 'feedback requests and answers', count: data.feedbackAsked.length + data.feedbackAnswered.length, fate: 'removed' },
    { label: 'learning resources and takeaways', count: data.resources.length + data.explored.length, fate: 'removed' },
    { label: 'thank-you notes you sent', count: data.thanksSent.length, fate: 'removed' },
    { label: 'expectations you wrote', count: data.expectations.length, fate: 'removed' },
    { label: 'updates you sent between meetings', count: data.updatesSent.length, fate: 'removed' },
    { label: 'messages waiting to be sent to you', count: data.messages.filter((row) => OPEN.has(row.state)).length, fate: 'cancelled' },
  ];
  return lines.filter((line) => line.count > 0);
}
