/**
 * The authorization matrix: every button and every modal submission the bot registers, tried on pair
 * A's data by someone who may not act on it (a stranger, a member of another pair, and the pair's own
 * mentee or mentor where only the other role may act, and a person of another workspace using pair
 * A's ids, buttons and views from there). Each attempt must be refused with a clear
 * private message, change nothing in the database, send nothing to pair A, and show nothing of pair A.
 * A journal entry is seen by its author only. A new action or modal without a row here fails the
 * coverage test: add a row (or, for an id that carries no pair data, an entry in NO_PAIR_DATA).
 */
import type { App } from '@slack/bolt';
import type { AppResponse, SlackDriver } from '../../src/devtools/slack-driver';
import { driverFor } from '../support/install';
import { buildSubmission } from '../../src/devtools/slack-driver/submission';
import type { RecordedCall, StoredView } from '../../src/devtools/slack-stand-in';
import { deleteConfirmModal } from '../../src/slack/blocks/mydata';
import { programModal } from '../../src/slack/blocks/program-overview';
import { progressCheckInModal } from '../../src/slack/blocks/progress-check-in';
import { enrolModal, enrolPreviewModal } from '../../src/slack/blocks/program-enrol';
import { encodeEnrolBatch } from '../../src/slack/inputs/program-enrol-form';
import type { ModalView } from '@slack/types';
import { tally } from '../../src/domain/program/overview';
import { tallyHabits } from '../../src/domain/program/habits';
import { pairPickerBlock } from '../../src/slack/blocks/pair-picker';
import type { AppDeps } from '../../src/slack/context';
import * as ids from '../../src/slack/ids';
import { registerActions } from '../../src/slack/listeners/actions';
import { registerViews } from '../../src/slack/listeners/views';
import { JOURNAL_OF, SECRET_A, type World, buildWorld } from '../support/authz-world';
import { snapshotDb } from '../support/db-snapshot';
import { goalInputs } from '../support/goal-fixtures';
import { type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { postButton } from '../support/meeting-fixtures';
import { sendViewSubmission } from '../support/raw-slack';
import { OUTPUT_METHODS } from '../support/slack-output';

const {
  GoalActions,
  GoalModal,
  OpenActions,
  MeetingActions,
  FeedbackActions,
  ResourceActions,
  JournalActions,
  JournalModal,
  ReminderActions,
  PairPicker,
  MyDataActions,
  MyDataDeleteModal,
  PairLifeActions,
  ProgramActions,
} = ids;
const logs = captureLogs();
let h: Harness;
let world: World;
/** Who each trigger id and response_url was issued to, so what the bot sends through them can be traced. */
const triggers = new Map<string, string>();
const responseUrls = new Map<string, string>();

/** Another workspace on the same app: its person sends pair A's ids, buttons and views from there. */
const TEAM_B = 'T0TEAMB';
const PERSON_B = { id: 'UTEAMB', name: 'bea', realName: 'Bea Elsewhere', tz: 'Europe/Paris' } as const;
let driverB: SlackDriver;
const driverOf = (userId: string) => (userId === PERSON_B.id ? driverB : h.driver);

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
  h.standIn.addUser(PERSON_B);
  driverB = driverFor(h, TEAM_B);
  const issue = h.standIn.issueTriggerId.bind(h.standIn);
  h.standIn.issueTriggerId = (userId: string) => {
    const trigger = issue(userId);
    triggers.set(trigger, userId);
    return trigger;
  };
  const issueUrl = h.standIn.issueResponseUrl.bind(h.standIn);
  h.standIn.issueResponseUrl = (userId: string, channelId: string, source?: { ts: string }) => {
    const url = issueUrl(userId, channelId, source);
    responseUrls.set(url.split('/').at(-1)!, userId);
    return url;
  };
  world = await buildWorld(h);
}, 60_000);
afterAll(() => h.close());

// ---- the actors --------------------------------------------------------------------------------------

type ActorKey = 'stranger' | 'otherPair' | 'otherTeam' | 'mentee' | 'mentor';
const ACTORS: Record<ActorKey, { id: string; label: string }> = {
  stranger: { id: USERS.stranger.id, label: 'a stranger' },
  otherTeam: { id: PERSON_B.id, label: 'a person of another workspace' },
  otherPair: { id: USERS.other.id, label: 'a member of another pair' },
  mentee: { id: USERS.mentee.id, label: "the pair's mentee" },
  mentor: { id: USERS.mentor.id, label: "the pair's mentor" },
};

// ---- how an attempt is sent ---------------------------------------------------------------------------

/** Sets up what the actor needs (a message or modal with the button), then returns the send itself. */
type Prepare = (userId: string) => Promise<() => Promise<AppResponse>>;

/** A button with this value, as a bot message in the actor's DM (a forwarded or forged button). */
const press =
  (actionId: string, value: () => string): Prepare =>
  async (userId) => {
    const message = await postButton(h, userId, actionId, value());
    return () => driverOf(userId).clickInMessage(userId, message, actionId);
  };

/** The real Approve / Request changes buttons on pair A's approval message in the goals channel. */
const pressOnApproval =
  (actionId: string): Prepare =>
  async (userId) =>
  () =>
    driverOf(userId).clickInMessage(userId, world.approvalMessage, actionId, { value: `${world.goals.shared}:2` });

/** An element inside a modal the actor has open (built from `view`), pressed or picked with `value`. */
const pressInView =
  (view: () => Record<string, unknown>, actionId: string, value: () => string): Prepare =>
  async (userId) => {
    const opened = await h.bot.slackApp.app.client.views.open({ trigger_id: h.standIn.issueTriggerId(userId), view: view() as never });
    const stored = h.standIn.findView(opened.view!.id!)!;
    return () => driverOf(userId).clickInView(userId, stored, actionId, { value: value() });
  };

/** Pair A's real modal (its private_metadata as the bot set it), submitted by the actor with valid inputs. */
const submit =
  (key: string, inputs: Record<string, unknown> = {}): Prepare =>
  async (userId) => {
    const view: StoredView = world.views[key]!;
    const { values, clientErrors } = buildSubmission(view, inputs);
    if (Object.keys(clientErrors).length > 0) throw new Error(`test bug: ${JSON.stringify(clientErrors)}`);
    return () =>
      sendViewSubmission(h, userId, view, values, undefined, { driver: driverOf(userId), teamId: userId === PERSON_B.id ? TEAM_B : h.standIn.teamId });
  };

/** A modal the bot opens for the actor (`view`, as it would for whoever may use it), submitted by the actor with `inputs`. */
const submitOpened =
  (view: () => ModalView, inputs: Record<string, unknown> = {}): Prepare =>
  async (userId) => {
    const trigger = h.standIn.issueTriggerId(userId);
    const opened = await h.bot.slackApp.app.client.views.open({ trigger_id: trigger, view: view() });
    const stored = h.standIn.findView(opened.view!.id!)!;
    const { values } = buildSubmission(stored, inputs);
    return () =>
      sendViewSubmission(h, userId, stored, values, undefined, { driver: driverOf(userId), teamId: userId === PERSON_B.id ? TEAM_B : h.standIn.teamId });
  };

/** The mentee's own "Delete my data" confirmation (as the bot opens it for the mentee), ticked and submitted by the actor. */
const submitMenteesDeletion = submitOpened(() => deleteConfirmModal(USERS.mentee.id, [{ label: 'journal entries', count: 1, fate: 'deleted' as const }]), {
  [MyDataDeleteModal.blocks.confirm]: [MyDataDeleteModal.confirmValue],
});

/** Pair A's two people, as a coordinator would enrol them again in bulk. */
const ENROL_LINE = `<@${USERS.mentor.id}>, <@${USERS.other.id}>, <#CGOALS>, every week, 2027-01-11 10:00`;
const forgedPreview = () =>
  enrolPreviewModal(
    [],
    encodeEnrolBatch([
      {
        line: 1,
        mentorId: USERS.mentor.id,
        menteeId: USERS.other.id,
        goalsChannelId: 'CGOALS',
        cadence: 'weekly',
        firstDate: '2027-01-11',
        firstTime: '10:00',
      },
    ]),
  );

/** The program overview as a coordinator has it open (second page of three), in the hands of someone who does not coordinate. */
const overviewModal = () => ({
  ...programModal({
    viewerId: USERS.coordinator.id,
    viewerZone: 'UTC',
    now: new Date('2026-11-23T14:00:00Z'),
    filter: { status: null, health: null },
    page: 1,
    pairs: [],
    matching: 60,
    more: true,
    counts: tally([]),
    habits: { current: tallyHabits([]), previous: tallyHabits([]) },
    added: { userIds: [], total: 0 },
  }),
});

const pickerModal = (callbackId: string) => () => ({
  type: 'modal',
  callback_id: callbackId,
  title: { type: 'plain_text', text: 'Agenda' },
  submit: { type: 'plain_text', text: 'Share' },
  blocks: [
    { ...pairPickerBlock([{ pair: world.pairA, role: 'mentee', otherId: USERS.mentor.id } as never], { [USERS.mentor.id]: 'Maria' }), dispatch_action: true },
  ],
});

// ---- the matrix ---------------------------------------------------------------------------------------

const NOT_IN_PAIR = /You are not part of that mentorship pair\./;
const INVITATION_GONE = /This invitation is no longer open/;
const RUNNING = /already running/;
const AFTER_END = /for after the mentorship has ended/;
const NOT_YOUR_GOAL = /That goal belongs to a mentorship you are not part of\./;
const ONLY_MENTOR = new RegExp(`Only <@${USERS.mentor.id}> can approve this goal`);
/** Someone else's journal entry does not exist for the presser. */
const NO_SUCH_ENTRY = /can't find that entry in your journal/;
const MYDATA_NOT_YOURS = /your data is only ever your own\. Nothing was changed\./;
const NOT_COORDINATOR = /The program overview is for program coordinators.*Nothing was changed\./;
/** From another workspace, pair A's goal simply is not there: nothing about it is confirmed. */
const NO_SUCH_GOAL = /That goal no longer exists\./;

interface Row {
  /** The registered action_id (`action@callback_id` when scoped to a modal) or view callback_id. */
  id: string;
  /** "… cannot <does>": the test name. */
  does: string;
  /** Members of pair A refused by role (beyond the stranger and the other pair's member). */
  roles?: Array<'mentee' | 'mentor'>;
  prepare: Prepare;
  /** What the actor is told, per actor when it differs. */
  refusal: RegExp | (Partial<Record<ActorKey, RegExp>> & { default: RegExp });
}

const ROWS: Row[] = [
  // goals
  { id: OpenActions.addGoal, does: 'open the add-goal form of another pair', prepare: press(OpenActions.addGoal, () => world.pairA.id), refusal: NOT_IN_PAIR },
  { id: GoalActions.edit, does: 'open a goal of another pair for editing', prepare: press(GoalActions.edit, () => world.goals.draft), refusal: NOT_YOUR_GOAL },
  {
    id: GoalActions.share,
    does: 'share a goal of another pair for approval',
    prepare: press(GoalActions.share, () => world.goals.draft),
    refusal: NOT_YOUR_GOAL,
  },
  {
    id: GoalActions.approve,
    does: 'approve a goal',
    roles: ['mentee'],
    prepare: pressOnApproval(GoalActions.approve),
    refusal: { default: ONLY_MENTOR, otherTeam: NO_SUCH_GOAL },
  },
  {
    id: GoalActions.requestChanges,
    does: 'request changes to a goal',
    roles: ['mentee'],
    prepare: pressOnApproval(GoalActions.requestChanges),
    refusal: { default: ONLY_MENTOR, otherTeam: NO_SUCH_GOAL },
  },
  {
    id: GoalActions.progress,
    does: 'open the progress of a goal of another pair',
    prepare: press(GoalActions.progress, () => world.goals.approved),
    refusal: NOT_YOUR_GOAL,
  },
  {
    id: GoalActions.achieve,
    does: 'mark a goal of another pair achieved',
    prepare: press(GoalActions.achieve, () => world.goals.approved),
    refusal: NOT_YOUR_GOAL,
  },
  { id: GoalActions.drop, does: 'drop a goal of another pair', prepare: press(GoalActions.drop, () => world.goals.approved), refusal: NOT_YOUR_GOAL },
  {
    id: GoalActions.reflect,
    does: 'open the reflection on an achieved goal',
    roles: ['mentor'],
    prepare: press(GoalActions.reflect, () => world.goals.achieved),
    refusal: { default: NOT_YOUR_GOAL, mentor: /the mentee’s to write/ },
  },
  { id: GoalActions.swot, does: 'open the SWOT of another pair', prepare: press(GoalActions.swot, () => world.pairA.id), refusal: NOT_IN_PAIR },
  {
    id: GoalModal.actions.openSwot,
    does: 'push the SWOT of another pair over a goal form',
    prepare: pressInView(
      () => ({ ...world.views['goal_save:new']!, id: undefined }),
      GoalModal.actions.openSwot,
      () => world.pairA.id,
    ),
    refusal: NOT_IN_PAIR,
  },
  {
    id: GoalModal.callbackId,
    does: 'add a goal to another pair',
    prepare: submit('goal_save:new', goalInputs({ [GoalModal.blocks.title]: 'Intruder goal' })),
    refusal: NOT_IN_PAIR,
  },
  {
    id: GoalModal.callbackId,
    does: 'save an edit of a goal of another pair',
    prepare: submit('goal_save:edit', goalInputs({ [GoalModal.blocks.title]: 'Intruder edit' })),
    refusal: NOT_YOUR_GOAL,
  },
  {
    id: ids.GoalChangesModal.callbackId,
    does: 'send a request for changes to a goal',
    roles: ['mentee'],
    prepare: submit('goal_changes_save', { [ids.GoalChangesModal.blocks.comment]: 'Make it smaller' }),
    refusal: { default: /Only the pair's mentor can request changes to this goal\./, otherTeam: NO_SUCH_GOAL },
  },
  { id: ids.GoalProgressModal.callbackId, does: 'save progress on a goal of another pair', prepare: submit('goal_progress_save'), refusal: NOT_YOUR_GOAL },
  {
    id: ids.GoalReflectionModal.callbackId,
    does: 'save a reflection on an achieved goal',
    roles: ['mentor'],
    prepare: submit('goal_reflection_save', { [ids.GoalReflectionModal.blocks.reflection]: 'Intruder reflection' }),
    refusal: { default: NOT_YOUR_GOAL, mentor: /the mentee’s to write/ },
  },
  {
    id: ids.SwotModal.callbackId,
    does: 'save the SWOT',
    roles: ['mentor'],
    prepare: submit('swot_save', { [ids.SwotModal.blocks.strengths]: 'Intruder strength' }),
    refusal: { default: NOT_IN_PAIR, mentor: /Only the mentee fills in the SWOT/ },
  },
  // meetings
  {
    id: OpenActions.prepareAgenda,
    does: 'open the agenda of a meeting of another pair',
    prepare: press(OpenActions.prepareAgenda, () => world.meetings.next),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.recordNotes,
    does: 'open the notes of a meeting of another pair',
    prepare: press(OpenActions.recordNotes, () => world.meetings.started),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.tickActionItem,
    does: 'tick an action item of another pair',
    prepare: press(OpenActions.tickActionItem, () => world.actionItem),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.reopenActionItem,
    does: 'open again ("Not done yet") an action item of another pair',
    prepare: press(OpenActions.reopenActionItem, () => world.actionItem),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.deleteActionItem,
    does: 'delete an action item of another pair',
    prepare: press(OpenActions.deleteActionItem, () => world.actionItem),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.editActionItem,
    does: 'open the text of an action item of another pair to edit it',
    prepare: press(OpenActions.editActionItem, () => world.actionItem),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ActionItemModal.callbackId,
    does: 'save new text for an action item of another pair',
    prepare: submit('action_item_edit_save', { [ids.ActionItemModal.blocks.body]: 'Intruder text' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: OpenActions.amendNotes,
    does: 'open the saved notes of a meeting of another pair to amend them',
    prepare: press(OpenActions.amendNotes, () => world.meetings.held),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.NotesModal.amendCallbackId,
    does: 'amend the notes of a meeting of another pair',
    prepare: submit('notes_amend_save', { [ids.NotesModal.blocks.takeaways]: 'Intruder takeaway' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: MeetingActions.reschedule,
    does: 'open the rescheduling of a meeting of another pair',
    prepare: press(MeetingActions.reschedule, () => world.meetings.next),
    refusal: NOT_IN_PAIR,
  },
  { id: MeetingActions.skip, does: 'skip a meeting of another pair', prepare: press(MeetingActions.skip, () => world.meetings.next), refusal: NOT_IN_PAIR },
  {
    id: MeetingActions.notSuitable,
    does: 'open a time proposal for a meeting of another pair',
    prepare: press(MeetingActions.notSuitable, () => world.meetings.next),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ProposeTimeModal.callbackId,
    does: 'propose another time for a meeting of another pair',
    prepare: submit('meeting_propose_time', { [ids.ProposeTimeModal.blocks.date]: '2026-12-03', [ids.ProposeTimeModal.blocks.time]: '16:00' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: MeetingActions.changeRule,
    does: 'open the meeting rhythm of another pair',
    prepare: press(MeetingActions.changeRule, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: `${PairPicker.actionId}@${ids.AgendaModal.callbackId}`,
    does: 'pick another pair in the agenda modal',
    prepare: pressInView(pickerModal(ids.AgendaModal.callbackId), PairPicker.actionId, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: `${PairPicker.actionId}@${ids.NotesModal.callbackId}`,
    does: 'pick another pair in the notes modal',
    prepare: pressInView(pickerModal(ids.NotesModal.callbackId), PairPicker.actionId, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.RescheduleModal.callbackId,
    does: 'move a meeting of another pair',
    prepare: submit('meeting_reschedule', { [ids.RescheduleModal.blocks.date]: '2026-12-03', [ids.RescheduleModal.blocks.time]: '16:00' }),
    refusal: NOT_IN_PAIR,
  },
  { id: ids.RuleModal.callbackId, does: 'change the meeting rhythm of another pair', prepare: submit('meeting_rule'), refusal: NOT_IN_PAIR },
  {
    id: ids.AgendaModal.callbackId,
    does: 'add to the agenda of another pair',
    prepare: submit('agenda', { [ids.AgendaModal.blocks.topics]: 'Intruder topic' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.NotesModal.callbackId,
    does: 'record the notes of a meeting of another pair',
    prepare: submit('notes', { [ids.NotesModal.blocks.takeaways]: 'Intruder notes', [ids.NotesModal.blocks.actionItems]: 'me: intrude' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ReminderActions.snooze,
    does: "snooze a reminder of another pair's mentee",
    prepare: press(ReminderActions.snooze, () => world.reminder),
    refusal: /That reminder is not one of yours\./,
  },
  {
    id: ReminderActions.skip,
    does: 'skip a meeting of another pair from a reminder',
    prepare: press(ReminderActions.skip, () => world.meetings.next),
    refusal: NOT_IN_PAIR,
  },
  // practice
  {
    id: OpenActions.askFeedback,
    does: 'ask for feedback in another pair',
    prepare: press(OpenActions.askFeedback, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: FeedbackActions.answer,
    does: 'open a feedback request meant for someone else',
    roles: ['mentee'],
    prepare: press(FeedbackActions.answer, () => world.feedback.asked),
    refusal: /can't find that feedback request/,
  },
  {
    id: FeedbackActions.apply,
    does: 'report how someone else applied feedback',
    roles: ['mentor'],
    prepare: press(FeedbackActions.apply, () => world.feedback.answered),
    refusal: /can't find that feedback request/,
  },
  {
    id: FeedbackActions.askExample,
    does: 'ask for an example of an answer given to someone else',
    roles: ['mentor'],
    prepare: press(FeedbackActions.askExample, () => world.feedback.answered),
    refusal: /can't find that feedback request/,
  },
  {
    id: FeedbackActions.giveExample,
    does: 'open the example asked of someone else',
    roles: ['mentee'],
    prepare: press(FeedbackActions.giveExample, () => world.feedback.exampleAsked),
    refusal: /can't find that feedback request/,
  },
  {
    id: OpenActions.addResource,
    does: 'open the add-resource form of another pair',
    prepare: press(OpenActions.addResource, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ResourceActions.markExplored,
    does: 'open a resource of another pair',
    prepare: press(ResourceActions.markExplored, () => world.resource),
    refusal: /can't find that resource/,
  },
  {
    id: OpenActions.writeJournal,
    does: 'open a journal entry tied to another pair',
    prepare: press(OpenActions.writeJournal, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  // Each button that names a journal entry, pressed by the other member with the entry's id.
  ...(
    [
      [JournalActions.openEntry, 'read'],
      [JournalActions.editEntry, 'open for editing'],
      [JournalActions.deleteEntry, 'delete'],
    ] as const
  ).flatMap(([id, verb]) =>
    (['mentee', 'mentor'] as const).map((author): Row => ({
      id,
      does: `${verb} the ${author}'s journal entry`,
      roles: [author === 'mentee' ? 'mentor' : 'mentee'],
      prepare: press(id, () => world.journal[author]),
      refusal: NO_SUCH_ENTRY,
    })),
  ),
  {
    id: JournalModal.edit.callbackId,
    does: "save an edit of the mentee's journal entry",
    roles: ['mentor'],
    prepare: submit(JournalModal.edit.callbackId, { [JournalModal.write.blocks.wentWell]: 'Intruder edit' }),
    refusal: NO_SUCH_ENTRY,
  },
  { id: OpenActions.sayThanks, does: 'open a thank-you in another pair', prepare: press(OpenActions.sayThanks, () => world.pairA.id), refusal: NOT_IN_PAIR },
  { id: OpenActions.sendUpdate, does: 'open an update in another pair', prepare: press(OpenActions.sendUpdate, () => world.pairA.id), refusal: NOT_IN_PAIR },
  {
    id: ids.FeedbackModal.request.callbackId,
    does: 'ask for feedback in another pair',
    prepare: submit('feedback_request', { [ids.FeedbackModal.request.blocks.area]: 'Estimation' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.FeedbackModal.answer.callbackId,
    does: 'answer a feedback request meant for someone else',
    roles: ['mentee'],
    prepare: submit('feedback_answer', { [ids.FeedbackModal.answer.blocks.answer]: 'Intruder answer' }),
    refusal: /can't find that feedback request/,
  },
  {
    id: ids.FeedbackModal.apply.callbackId,
    does: 'report how someone else applied feedback',
    roles: ['mentor'],
    prepare: submit('feedback_apply', { [ids.FeedbackModal.apply.blocks.application]: 'Intruder application' }),
    refusal: /can't find that feedback request/,
  },
  {
    id: ids.FeedbackModal.example.callbackId,
    does: 'give an example asked of someone else',
    roles: ['mentee'],
    prepare: submit('feedback_example', { [ids.FeedbackModal.example.blocks.example]: 'Intruder example' }),
    refusal: /can't find that feedback request/,
  },
  {
    id: ids.ResourceModal.add.callbackId,
    does: 'add a resource to another pair',
    prepare: submit('resource_add', { [ids.ResourceModal.add.blocks.title]: 'Intruder book' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ResourceModal.explored.callbackId,
    does: 'mark a resource of another pair explored',
    prepare: submit('resource_explored', { [ids.ResourceModal.explored.blocks.takeaway]: 'Intruder takeaway' }),
    refusal: /can't find that resource/,
  },
  {
    id: ids.JournalModal.write.callbackId,
    does: 'tie a journal entry to another pair',
    prepare: submit(ids.JournalModal.write.callbackId, { [ids.JournalModal.write.blocks.wentWell]: 'Intruder entry' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ThanksModal.callbackId,
    does: 'send a thank-you in another pair',
    prepare: submit('thanks_send', { [ids.ThanksModal.blocks.message]: 'Intruder thanks' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.UpdateModal.callbackId,
    does: 'send an update in another pair',
    prepare: submit('update_send', { [ids.UpdateModal.blocks.win]: 'Intruder win' }),
    refusal: NOT_IN_PAIR,
  },
  // a pair's life
  ...[PairLifeActions.accept, PairLifeActions.decline, PairLifeActions.withdraw].map((id): Row => ({
    id,
    does: `answer or withdraw another pair's invitation (${id})`,
    roles: ['mentee', 'mentor'],
    prepare: press(id, () => world.pairA.id),
    // A running pair has no invitation to answer: its members are told so, everyone else that it is gone.
    refusal: { default: INVITATION_GONE, mentee: RUNNING, mentor: RUNNING },
  })),
  ...[PairLifeActions.pause, PairLifeActions.end, PairLifeActions.change].map((id): Row => ({
    id,
    does: `open the ${id.replace('pair_', '')} form of another pair`,
    prepare: press(id, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  })),
  {
    id: PairLifeActions.resume,
    does: 'resume a pair',
    roles: ['mentee', 'mentor'],
    prepare: press(PairLifeActions.resume, () => world.pairA.id),
    refusal: { default: NOT_IN_PAIR, mentee: RUNNING, mentor: RUNNING },
  },
  ...[PairLifeActions.reflect, PairLifeActions.checkInNote, PairLifeActions.stopCheckIns].map((id): Row => ({
    id,
    does: `use the after-the-end ${id} of a pair`,
    roles: ['mentee', 'mentor'],
    prepare: press(id, () => world.pairA.id),
    refusal: { default: NOT_IN_PAIR, mentee: AFTER_END, mentor: AFTER_END },
  })),
  {
    id: ids.PairDeclineModal.callbackId,
    does: "decline another pair's invitation",
    roles: ['mentee'],
    prepare: submit('pair_decline_save', { [ids.PairDeclineModal.blocks.reason]: 'Intruder reason' }),
    refusal: { default: INVITATION_GONE, mentee: RUNNING },
  },
  { id: ids.PairPauseModal.callbackId, does: 'pause another pair', prepare: submit('pair_pause_save'), refusal: NOT_IN_PAIR },
  {
    id: ids.PairEndModal.callbackId,
    does: 'end another pair',
    prepare: submit('pair_end_save', { [ids.PairEndModal.blocks.reason]: 'Intruder' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.PairChangeModal.callbackId,
    does: "change another pair's set-up",
    prepare: submit('pair_change_save', { [ids.PairChangeModal.blocks.plannedEnd]: '2027-04-01' }),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.PairReflectionModal.callbackId,
    does: 'write a closing reflection on a pair',
    roles: ['mentee'],
    prepare: submit('pair_reflection_save', { [ids.PairReflectionModal.blocks.learned]: 'Intruder learning' }),
    refusal: { default: NOT_IN_PAIR, mentee: AFTER_END },
  },
  {
    id: ids.CheckInNoteModal.callbackId,
    does: 'send a stay-in-touch note through a pair',
    roles: ['mentee'],
    prepare: submit('check_in_note_send', { [ids.CheckInNoteModal.blocks.note]: 'Intruder note' }),
    refusal: { default: NOT_IN_PAIR, mentee: AFTER_END },
  },
  // check-ins during the mentorship: only a member answers, and only for themselves
  ...Object.values(ids.ProgressCheckInActions).map((id): Row => ({
    id,
    does: `answer a check-in about another pair (${id})`,
    prepare: press(id, () => `${world.pairA.id}:1`),
    refusal: NOT_IN_PAIR,
  })),
  {
    id: ids.ProgressCheckInModal.callbackId,
    does: 'save a check-in about another pair',
    prepare: submitOpened(() => progressCheckInModal({ pairId: world.pairA.id, checkpoint: 1, answer: 'not_working', note: null, shared: true }), {
      [ids.ProgressCheckInModal.blocks.note]: 'Intruder note',
    }),
    refusal: NOT_IN_PAIR,
  },
  // expectations agreed at the start
  {
    id: ids.ExpectationsActions.open,
    does: "open another pair's expectations",
    prepare: press(ids.ExpectationsActions.open, () => world.pairA.id),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ExpectationsActions.confirm,
    does: "confirm another pair's expectations",
    prepare: press(ids.ExpectationsActions.confirm, () => `${world.pairA.id}:1`),
    refusal: NOT_IN_PAIR,
  },
  {
    id: ids.ExpectationsModal.callbackId,
    does: "propose or amend another pair's expectations",
    prepare: submit('expectations_save', { [ids.ExpectationsModal.blocks.betweenMeetings]: 'Intruder expectations' }),
    refusal: NOT_IN_PAIR,
  },
  // a person's own data (/mentorship mydata): the mentee's buttons and confirmation, used by anyone else
  {
    id: MyDataActions.export,
    does: "export the mentee's data",
    roles: ['mentor'],
    prepare: press(MyDataActions.export, () => USERS.mentee.id),
    refusal: MYDATA_NOT_YOURS,
  },
  {
    id: MyDataActions.openDelete,
    does: "open the deletion of the mentee's data",
    roles: ['mentor'],
    prepare: press(MyDataActions.openDelete, () => USERS.mentee.id),
    refusal: MYDATA_NOT_YOURS,
  },
  { id: MyDataDeleteModal.callbackId, does: "delete the mentee's data", roles: ['mentor'], prepare: submitMenteesDeletion, refusal: MYDATA_NOT_YOURS },
  // the program (coordinators only): nobody here coordinates, pair A's own people included
  {
    id: ProgramActions.openOverview,
    does: 'open the program overview from a Home button',
    roles: ['mentee', 'mentor'],
    prepare: press(ProgramActions.openOverview, () => 'overview'),
    refusal: NOT_COORDINATOR,
  },
  {
    id: ProgramActions.digestOpen,
    does: "open the program overview from a button of a coordinator's weekly digest",
    roles: ['mentee', 'mentor'],
    prepare: press(ProgramActions.digestOpen, () => '{"status":null,"health":"stalled","page":0}'),
    refusal: NOT_COORDINATOR,
  },
  ...(
    [
      [ProgramActions.filterState, 'filter the program overview by state', 'active'],
      [ProgramActions.filterHealth, 'filter the program overview by health', 'stalled'],
      [ProgramActions.previousPage, 'page back through the program overview', '0'],
      [ProgramActions.nextPage, 'page on through the program overview', '2'],
      [ProgramActions.addCoordinator, 'add a program coordinator (themselves or anyone)', USERS.stranger.id],
      [ProgramActions.removeCoordinator, 'remove a program coordinator', USERS.coordinator.id],
      [ProgramActions.exportCsv, "export the program's pairs as a CSV", 'all'],
      [ProgramActions.habitChart, "get the program's habits chart", 'habits'],
      [ProgramActions.enrol, 'open the bulk enrolment form', 'enrol'],
    ] as const
  ).map(([id, does, value]): Row => ({
    id,
    does,
    roles: ['mentee', 'mentor'],
    prepare: pressInView(overviewModal, id, () => value),
    refusal: NOT_COORDINATOR,
  })),
  {
    id: ids.ProgramEnrolModal.callbackId,
    does: "enrol pairs in bulk (pair A's mentor with someone else)",
    roles: ['mentee', 'mentor'],
    prepare: submitOpened(enrolModal, { [ids.ProgramEnrolModal.blocks.lines]: ENROL_LINE }),
    refusal: NOT_COORDINATOR,
  },
  {
    id: ids.ProgramEnrolPreview.callbackId,
    does: 'confirm a bulk enrolment preview (forged, or left open by a coordinator)',
    roles: ['mentee', 'mentor'],
    prepare: submitOpened(forgedPreview),
    refusal: NOT_COORDINATOR,
  },
];

/**
 * Registered ids that carry no pair data, so there is nothing of another pair to attempt. Each says why.
 * Ids in ids.ts that are not registered at all are listed too (a read-only modal, block ids).
 */
const NO_PAIR_DATA: Record<string, string> = {
  // dispatch_action inside the set-up modal: reads the picked person's Slack time zone, nothing stored.
  [ids.PairModal.actions.mentee]: 'pair set-up input dispatch',
  // Opens an empty set-up modal; anyone in the workspace may set up a pair (CONTRACT.md).
  [ids.HomeActions.startPair]: 'opens the empty pair set-up modal',
  // Anyone may set up a pair; naming people already paired is refused under the field (pair-setup tests).
  [ids.PairModal.callbackId]: 'pair set-up, open to everyone',
  // value = '': the presser's own reminder settings, never anyone else's.
  [ReminderActions.openSettings]: "the presser's own reminder settings",
  [ids.ReminderSettingsModal.callbackId]: "saves the presser's own reminder settings",
  // The presser's own journal, a page of it (value = an offset): nobody else's entry is ever read there.
  [JournalActions.browse]: "opens the presser's own journal",
  [JournalActions.newerPage]: "a page of the presser's own journal",
  [JournalActions.olderPage]: "a page of the presser's own journal",
  // Not registered: read-only modals without a submit button, and two block ids.
  [ids.JournalModal.entry.callbackId]: 'read-only modal, never submitted',
  [ids.ProgramModal.callbackId]: 'the program overview: read-only modal, never submitted (its buttons and selects have rows)',
  [ids.ExpectationsReadModal.callbackId]: "an ended pair's expectations, read-only, never submitted",
  [ids.JournalModal.browse.callbackId]: 'read-only modal (its buttons have rows), never submitted',
  [ReminderActions.actionsBlock]: 'block id, not an action',
  [ReminderActions.footerBlock]: 'block id, not an action',
};

// ---- coverage -----------------------------------------------------------------------------------------

/** Every action_id and callback_id the app registers, recorded from the real registration functions. */
function registeredIds(): { actions: string[]; views: string[] } {
  const actions: string[] = [];
  const views: string[] = [];
  const app = {
    action: (constraint: string | { action_id: string; callback_id?: string }) =>
      actions.push(
        typeof constraint === 'string' ? constraint : constraint.callback_id ? `${constraint.action_id}@${constraint.callback_id}` : constraint.action_id,
      ),
    view: (callbackId: string) => views.push(callbackId),
  } as unknown as App;
  registerActions(app, {} as AppDeps);
  registerViews(app, {} as AppDeps);
  return { actions, views };
}

/** The button ids (every `…Actions` export, and action ids named in modals' own actions) and callback ids in ids.ts. */
function declaredIds(): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string' && (key === 'callbackId' || key === 'actionId')) found.push(node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  for (const [name, value] of Object.entries(ids)) {
    if (name.endsWith('Actions') && value && typeof value === 'object') found.push(...Object.values(value).filter((v): v is string => typeof v === 'string'));
    else walk(value, name);
  }
  return found;
}

describe('coverage', () => {
  const rows = new Set(ROWS.map((row) => row.id));
  const covered = (id: string) => rows.has(id) || id in NO_PAIR_DATA;

  it('has a matrix row or a reasoned exemption for every action and view the app registers', () => {
    const { actions, views } = registeredIds();
    expect(actions.length).toBeGreaterThan(25);
    expect([...actions, ...views].filter((id) => !covered(id))).toEqual([]);
  });

  it('registers, or exempts, every button and callback id declared in ids.ts', () => {
    const { actions, views } = registeredIds();
    const registered = new Set([...actions.map((id) => id.split('@')[0]), ...views]);
    expect(declaredIds().filter((id) => !registered.has(id) && !(id in NO_PAIR_DATA))).toEqual([]);
  });

  it('has no stale rows or exemptions', () => {
    const { actions, views } = registeredIds();
    const registered = new Set([...actions, ...views]);
    const declared = new Set(declaredIds());
    expect([...rows, ...Object.keys(NO_PAIR_DATA)].filter((id) => !registered.has(id) && !declared.has(id))).toEqual([]);
  });
});

// ---- the attempts -------------------------------------------------------------------------------------

/** Who sees what a Slack call shows: a user id, or `#channel` for a message everyone there sees. */
function audienceOf(call: RecordedCall, actorId?: string): string {
  const { args } = call;
  if (call.method === 'chat.postEphemeral') return String(args.user);
  if (call.method === 'views.publish') return String(args.user_id);
  if (call.method === 'views.open' || call.method === 'views.push') return triggers.get(String(args.trigger_id)) ?? 'unknown trigger';
  if (call.method === 'response_url') return responseUrls.get(String(args.response_url_id)) ?? 'unknown response_url';
  // A views.update can only come from the actor's own modal in these attempts.
  if (call.method === 'views.update') return actorId ?? 'unknown view';
  const channel = String(args.channel ?? '');
  return channel.startsWith('D') ? channel.slice(1) : `#${channel}`;
}

/** Everything the attempt showed anyone: the ack, and every Slack call that displays something. */
function shownSince(mark: number, actorId: string, response: AppResponse) {
  // Only calls Slack accepted show anything (an ephemeral in someone else's DM fails with user_not_in_channel).
  const calls = h.standIn.calls.slice(mark).filter((call) => call.ok && OUTPUT_METHODS.has(call.method));
  const outputs = calls.map((call) => ({ method: call.method, to: audienceOf(call, actorId), text: JSON.stringify(call.args) }));
  return [...outputs, { method: 'ack', to: actorId, text: response.text }];
}

const cells = ROWS.flatMap((row) =>
  (['stranger', 'otherPair', 'otherTeam', ...(row.roles ?? [])] as ActorKey[]).map(
    (actor) => [`${ACTORS[actor].label} cannot ${row.does}`, row, actor] as const,
  ),
);

describe('refused: nothing changed, nothing of pair A shown, a clear answer', () => {
  test.each(cells)('%s', async (_name, row, actorKey) => {
    const actor = ACTORS[actorKey];
    const send = await row.prepare(actor.id);
    await h.settle();
    const before = await snapshotDb(h.db);
    const mark = h.standIn.calls.length;
    logs.clear();

    const response = await send();
    await h.settle();

    expect(response.status).toBe(200);
    expect(await snapshotDb(h.db)).toEqual(before);
    const shown = shownSince(mark, actor.id, response);
    expect(shown.filter((output) => output.to !== actor.id)).toEqual([]);
    expect(shown.filter((output) => output.text.includes(SECRET_A))).toEqual([]);
    const refusal = row.refusal instanceof RegExp ? row.refusal : (row.refusal[actorKey] ?? row.refusal.default);
    expect(shown.map((output) => output.text).join('\n')).toMatch(refusal);
    expect(logs.errors()).toEqual([]);
  });
});

// ---- the private journal ------------------------------------------------------------------------------

/** Every read surface: the Home tab, and each subcommand that lists or opens something. */
const SURFACES: Array<(userId: string) => Promise<unknown>> = [
  (userId) => h.driver.appHomeOpened(userId),
  ...['status', 'goals', 'meeting', 'agenda', 'notes', 'feedback', 'resources', 'thanks', 'journal', 'journal list'].map(
    (text) => (userId: string) => h.driver.command(userId, text),
  ),
  // The whole journal, in its modal.
  async (userId) => h.driver.clickInMessage(userId, await postButton(h, userId, JournalActions.browse, '0'), JournalActions.browse),
];

/** What Slack accepted to show, with its audience, from call `mark` on. */
const outputsSince = (mark: number) =>
  h.standIn.calls
    .slice(mark)
    .filter((call) => call.ok && OUTPUT_METHODS.has(call.method))
    .map((call) => ({ to: audienceOf(call), text: JSON.stringify(call.args) }));

describe('a journal entry is seen by its author only', () => {
  test.each([
    ['mentee', 'mentor'],
    ['mentor', 'mentee'],
  ] as const)("the %s's entry never reaches the %s: not on Home, in status, in any list or modal", async (author, reader) => {
    const mark = h.standIn.calls.length;
    for (const show of SURFACES) {
      await show(USERS[reader].id);
      await h.settle();
    }
    for (const view of h.standIn.openViews(USERS[reader].id)) h.standIn.closeView(USERS[reader].id, view.id);
    const shown = outputsSince(mark).filter((output) => output.to === USERS[reader].id);
    // The reader did get pair A's dashboard, lists and their own journal: the scan looks at real content.
    expect(shown.some((output) => output.text.includes(SECRET_A))).toBe(true);
    expect(shown.some((output) => output.text.includes(JOURNAL_OF[reader]))).toBe(true);
    expect(shown.filter((output) => output.text.includes(JOURNAL_OF[author]))).toEqual([]);
  });

  it('reached no one but its author anywhere in this whole run', () => {
    const leaks = outputsSince(0).filter(
      (output) =>
        (output.text.includes(JOURNAL_OF.mentee) && output.to !== USERS.mentee.id) ||
        (output.text.includes(JOURNAL_OF.mentor) && output.to !== USERS.mentor.id),
    );
    expect(outputsSince(0).filter((output) => output.text.includes(JOURNAL_OF.mentee)).length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});
