import type { PersonalData } from './personal-data.repository';

/** The export's format version: a reader of an older file can tell. */
export const EXPORT_VERSION = 1;

/**
 * The export file: everything the person wrote and everything stored about them, grouped the way
 * they would look for it. The other people of their pairs appear by id and name only; none of their
 * private data (their journal, their reflections, their settings) is read for it.
 */
export function exportDocument(data: PersonalData, who: { teamId: string; userId: string }, names: Record<string, string>, exportedAt: Date) {
  const { person } = data;
  const otherOf = (pair: PersonalData['pairs'][number]) => (pair.mentor_id === who.userId ? pair.mentee_id : pair.mentor_id);
  return {
    format: 'mentorship-bot personal data export',
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    workspace: who.teamId,
    you: {
      userId: who.userId,
      displayName: person?.display_name ?? null,
      realName: person?.real_name ?? null,
      timeZone: person?.time_zone ?? null,
      dmChannel: person?.dm_channel_id ?? null,
      reminderSettings: person ? { prepLeadMinutes: person.prep_lead_minutes, pausedUntil: person.reminders_paused_until } : null,
      firstSeen: person?.created_at ?? null,
      installedTheApp: data.installed ? { at: data.installed.installed_at } : null,
      programCoordinator: data.coordinatorSince ? { addedBy: data.coordinatorSince.added_by, since: data.coordinatorSince.created_at } : null,
      coordinatorsYouAdded: data.coordinatorsAdded.map((row) => ({ userId: row.user_id, at: row.created_at })),
    },
    pairs: data.pairs.map((pair) => ({
      id: pair.id,
      role: pair.mentor_id === who.userId ? 'mentor' : 'mentee',
      with: { userId: otherOf(pair), name: names[otherOf(pair)] ?? null },
      status: pair.status,
      cadence: pair.cadence,
      meetingTime: pair.meeting_time,
      timeZone: pair.time_zone,
      firstMeetingOn: pair.first_meeting_on,
      startedOn: pair.started_on,
      plannedEndOn: pair.planned_end_on,
      setUpByYou: pair.created_by === who.userId,
    })),
    youWrote: {
      journal: data.journal,
      agendaItems: data.agendaItems,
      agendaFocusAndHighlights: data.focusMeetings,
      meetingNotes: data.notesMeetings,
      goals: data.goalsCreated,
      keyResultsAndMilestones: data.progressItems,
      goalReflections: data.reflections,
      requestsForChanges: data.changeRequests,
      swot: data.swot,
      actionItems: data.actionItems.filter((item) => item.created_by === who.userId),
      feedbackYouAskedFor: data.feedbackAsked,
      feedbackYouGave: data.feedbackAnswered,
      resourcesYouRecommended: data.resources,
      resourceTakeaways: data.explored,
      thanksYouSent: data.thanksSent,
      updatesYouSent: data.updatesSent,
      closingReflections: data.closingReflections,
      checkIns: data.checkIns,
      reasonsForEndingAPair: data.endReasons,
      expectations: data.expectations,
    },
    aboutYou: {
      actionItemsAssignedToYou: data.actionItems.filter((item) => item.created_by !== who.userId),
      thanksYouReceived: data.thanksReceived,
      updatesYouReceived: data.updatesReceived,
      messagesToYou: data.messages,
      reminderCountsPerDay: data.dailyCounts,
      lastOpenedHome: data.homeOpenedAt,
    },
  };
}

export type ExportDocument = ReturnType<typeof exportDocument>;

/** The readable lines that go with the file: counts of what it holds. */
export function exportSummary(doc: ExportDocument): string[] {
  const written = doc.youWrote;
  const parts: Array<[number, string]> = [
    [doc.pairs.length, 'mentorship pairs'],
    [written.journal.length, 'journal entries'],
    [written.goals.length, 'goals'],
    [written.goalReflections.length, 'goal reflections'],
    [written.closingReflections.length, 'closing reflections'],
    [written.checkIns.length, 'check-in answers'],
    [written.agendaItems.length, 'agenda items'],
    [written.meetingNotes.length, 'meeting notes'],
    [written.actionItems.length + doc.aboutYou.actionItemsAssignedToYou.length, 'action items'],
    [written.feedbackYouAskedFor.length + written.feedbackYouGave.length, 'feedback requests and answers'],
    [written.resourcesYouRecommended.length, 'learning resources'],
    [written.thanksYouSent.length + doc.aboutYou.thanksYouReceived.length, 'thank-you notes'],
    [written.updatesYouSent.length + doc.aboutYou.updatesYouReceived.length, 'updates between meetings'],
    [doc.aboutYou.messagesToYou.length, 'messages the bot sent or planned for you'],
  ];
  return parts.filter(([count]) => count > 0).map(([count, label]) => `${count} ${label}`);
}
