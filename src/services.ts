import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { EffectsRecorder } from './domain/effects/effects';
import { feedbackStoreOn } from './domain/feedback/feedback.db-store';
import { goalReviewStoreOn } from './domain/goals/goal-review.db-store';
import { HomeService } from './domain/home/home.service';
import { GoalProgressService } from './domain/goals/goal-progress.service';
import { GoalReviewService } from './domain/goals/goal-review.service';
import { GoalsService } from './domain/goals/goals.service';
import { SwotService } from './domain/goals/swot.service';
import { AgendaService } from './domain/meetings/agenda.service';
import { MeetingChangesService } from './domain/meetings/meeting-changes.service';
import { MeetingsService } from './domain/meetings/meetings.service';
import { NotesService } from './domain/meetings/notes.service';
import { OverdueNudges } from './domain/meetings/overdue';
import type { ReminderPlanning } from './domain/meetings/reminder-planning';
import { ProcessedEventsService } from './domain/events/processed-events.service';
import { PairsService } from './domain/pairs/pairs.service';
import { LifecycleService } from './domain/pairs/lifecycle.service';
import { LifecyclePass } from './domain/pairs/lifecycle-pass';
import { ClosingService } from './domain/pairs/closing.service';
import { CheckInsService } from './domain/check-ins/check-ins.service';
import { ExpectationsService } from './domain/expectations/expectations.service';
import { AccountChangesService } from './domain/people/account-changes.service';
import { PeopleService } from './domain/people/people.service';
import { FeedbackService } from './domain/feedback/feedback.service';
import { ResourcesService } from './domain/resources/resources.service';
import { JournalService } from './domain/journal/journal.service';
import { AppreciationService } from './domain/appreciation/appreciation.service';
import { UpdatesService } from './domain/updates/updates.service';
import { RemindersService } from './domain/reminders/reminders.service';
import { WorkspacesService } from './domain/workspaces/workspaces.service';
import { PersonalDataService } from './domain/personal-data/personal-data.service';
import { ProgramService } from './domain/program/program.service';
import { PLAIN_TEXT, type TextCipher } from './domain/personal-data/sealed-text';
import { cancelUnsent } from './domain/reminders/reminders-outbox.repository';
import { planCheckIns, replanMeeting, replanPair, replanPerson } from './domain/reminders/plan';
import { checkInReminders } from './domain/reminders/planner';
import type { PairReminders } from './domain/pairs/pair-reminders';

/** Every use case the Slack layer and the scheduler call, built once in the composition root. */
export interface Services {
  people: PeopleService;
  pairs: PairsService;
  home: HomeService;
  goals: GoalsService;
  goalReviews: GoalReviewService;
  goalProgress: GoalProgressService;
  swot: SwotService;
  meetings: MeetingsService;
  meetingChanges: MeetingChangesService;
  agendas: AgendaService;
  notes: NotesService;
  feedback: FeedbackService;
  resources: ResourcesService;
  journal: JournalService;
  appreciations: AppreciationService;
  updates: UpdatesService;
  reminders: RemindersService;
  processedEvents: ProcessedEventsService;
  workspaces: WorkspacesService;
  lifecycle: LifecycleService;
  /** The scheduler's part of a pair's life (expiries, resume dates, the automatic end). */
  lifecyclePass: LifecyclePass;
  /** The scheduler's one nudge per overdue action item. */
  overdueNudges: OverdueNudges;
  closing: ClosingService;
  /** The private check-ins at a third and two thirds of a mentorship. */
  checkIns: CheckInsService;
  expectations: ExpectationsService;
  accounts: AccountChangesService;
  personalData: PersonalDataService;
  /** Program coordinators: who coordinates, the overview of every pair, the Home summary. */
  program: ProgramService;
}

/**
 * `effects` writes what each change causes (notices, Home refreshes) in the change's own transaction;
 * `cipher` seals the texts only their author reads (DATA_ENCRYPTION_KEY; none: stored as typed).
 */
export function createServices(db: Kysely<Database>, clock: () => Date, effects: EffectsRecorder, cipher: TextCipher = PLAIN_TEXT): Services {
  const lifecycle = new LifecycleService(db, clock, effects, schedulerPairReminders);
  return {
    people: new PeopleService(db),
    pairs: new PairsService(db, clock, effects),
    home: new HomeService(db, clock),
    goals: new GoalsService(db, clock, effects),
    goalReviews: new GoalReviewService(goalReviewStoreOn(db, effects), clock),
    goalProgress: new GoalProgressService(db, clock, effects),
    swot: new SwotService(db, clock, effects),
    meetings: new MeetingsService(db, clock),
    meetingChanges: new MeetingChangesService(db, clock, effects, schedulerReminderPlanning),
    agendas: new AgendaService(db, clock, effects),
    notes: new NotesService(db, clock, effects),
    feedback: new FeedbackService(feedbackStoreOn(db, effects), clock),
    resources: new ResourcesService(db, clock, effects),
    journal: new JournalService(db, clock, effects, cipher),
    appreciations: new AppreciationService(db, clock, effects),
    updates: new UpdatesService(db, clock, effects),
    reminders: new RemindersService(db, clock, effects),
    processedEvents: new ProcessedEventsService(db),
    workspaces: new WorkspacesService(db, clock),
    lifecycle,
    lifecyclePass: new LifecyclePass(db, lifecycle),
    overdueNudges: new OverdueNudges(db, effects),
    closing: new ClosingService(db, clock, effects, cipher),
    checkIns: new CheckInsService(db, clock),
    expectations: new ExpectationsService(db, clock, effects),
    accounts: new AccountChangesService(db, clock, lifecycle, schedulerPairReminders),
    personalData: new PersonalDataService(db, clock, effects, cipher),
    program: new ProgramService(db, clock),
  };
}

/** The meetings feature re-plans reminders through this port; the scheduler is what plans them. */
export const schedulerReminderPlanning: ReminderPlanning = {
  async cancelUnsent(tx, meetingId) {
    await cancelUnsent(tx, { meetingId });
  },
  async replanMeeting(tx, meetingId, now) {
    await replanMeeting(tx, meetingId, now);
  },
};

/** A pair's life cancels and re-plans reminders through this port, in each transition's transaction. */
export const schedulerPairReminders: PairReminders = {
  async cancelPair(tx, pairId) {
    await cancelUnsent(tx, { pairId });
  },
  async replanPair(tx, pairId, now) {
    await replanPair(tx, pairId, now);
  },
  async planCheckIns(tx, pair, people, endedOn, now) {
    const reminders = people.flatMap((person) => checkInReminders(pair, { ...person, prepLeadMinutes: 0 }, endedOn));
    await planCheckIns(tx, reminders, now);
  },
  async replanPerson(tx, teamId, userId, now) {
    await replanPerson(tx, teamId, userId, now);
  },
};
