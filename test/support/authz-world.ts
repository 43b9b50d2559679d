/**
 * The world of the authorization matrix (test/attack/authorization-matrix.test.ts): pair A (Maria
 * mentors Theo) with something in every feature, each private text carrying the marker SECRET_A so a
 * leak shows up in whatever the bot sends; pair B (Olga mentors Pat); Sam in no pair. The modals pair
 * A really opens are kept, so a forged submission carries their exact private_metadata.
 */
import type { Pair } from '../../src/db/schema';
import type { StoredMessage, StoredView } from '../../src/devtools/slack-stand-in';
import {
  AgendaModal,
  FeedbackActions,
  GoalActions,
  JournalModal,
  MeetingActions,
  NotesModal,
  OpenActions,
  PairLifeActions,
  ResourceActions,
} from '../../src/slack/ids';
import { checkInNoteModal, declineModal, reflectionModal } from '../../src/slack/blocks/pair-life-modals';
import { expectationsModal } from '../../src/slack/blocks/expectations';
import { expectationsView } from '../../src/domain/expectations/expectation-rules';
import { journalEditModal } from '../../src/slack/blocks/journal-blocks';
import { approvedGoal, buttons, clickButton, createPair, draftGoal, showList } from './goal-fixtures';
import { CHANNELS, type Harness, TEAM_ID, USERS } from './harness';
import { createPair as createMeetingPair, postButton } from './meeting-fixtures';
import { eventually } from './wait';

/** In every private text of pair A; a journal entry also carries its author's own marker. */
export const SECRET_A = 'SECRETA';
export const JOURNAL_OF = { mentee: 'JOURNALTHEO', mentor: 'JOURNALMARIA' } as const;
export const PARTNER = { id: 'UPARTNER', name: 'pat', realName: 'Pat Partner', tz: 'Europe/Madrid' } as const;

export interface World {
  pairA: Pair;
  pairB: Pair;
  goals: { draft: string; shared: string; approved: string; achieved: string };
  /** The approval message of `goals.shared` in the goals channel (value `<id>:2`). */
  approvalMessage: StoredMessage;
  meetings: { held: string; started: string; next: string };
  actionItem: string;
  feedback: { asked: string; answered: string; exampleAsked: string };
  resource: string;
  journal: { mentee: string; mentor: string };
  reminder: string;
  /** The modals pair A opened, by callback id (goal_save twice: new and edit). */
  views: Record<string, StoredView>;
}

const secret = (what: string): string => `${SECRET_A} ${what}`;

/** Presses a button (bot-posted in the person's DM) and returns a copy of the modal it opened, closed again. */
export async function openedBy(h: Harness, userId: string, actionId: string, value: string): Promise<StoredView> {
  const message = await postButton(h, userId, actionId, value);
  const before = h.standIn.callsTo('views.open').length;
  await h.driver.clickInMessage(userId, message, actionId);
  await eventually(() => h.standIn.callsTo('views.open').length > before);
  const view = structuredClone(await eventually(() => h.standIn.topView(userId)));
  await h.settle();
  h.standIn.closeView(userId, view.id);
  return view;
}

async function submitOpened(h: Harness, userId: string, actionId: string, value: string, inputs: Record<string, unknown>): Promise<StoredView> {
  const message = await postButton(h, userId, actionId, value);
  const before = h.standIn.callsTo('views.open').length;
  await h.driver.clickInMessage(userId, message, actionId);
  await eventually(() => h.standIn.callsTo('views.open').length > before);
  const view = structuredClone(await eventually(() => h.standIn.topView(userId)));
  const result = await h.driver.submitView(userId, view, inputs);
  if (result.errors || result.clientErrors) throw new Error(`${view.callback_id} refused: ${JSON.stringify(result.errors ?? result.clientErrors)}`);
  await h.settle();
  for (const open of h.standIn.openViews(userId)) h.standIn.closeView(userId, open.id);
  return view;
}

async function must<T extends { ok: boolean }>(result: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const done = await result;
  if (!done.ok) throw new Error(JSON.stringify(done));
  return done as Extract<T, { ok: true }>;
}

/** The matrix runs at this instant; the world is built from two weeks before it. */
export const NOW = '2026-11-23T12:00:00Z';

export async function buildWorld(h: Harness): Promise<World> {
  h.standIn.addUser(PARTNER);
  const { mentor, mentee } = USERS;
  const services = h.bot.services;
  // Pair A meets weekly on Mondays at 10:00 Berlin from 9 November; each meeting is planned once the
  // one before it has started, as the scheduler's passes do.
  h.clock.set('2026-11-02T12:00:00Z');
  const pairA = await createMeetingPair(h, { cadence: 'weekly', firstDate: '2026-11-09', time: '10:00' });
  const pairB = await createPair(h, 'other', PARTNER);
  const meetingAfter = async (instant: string) => {
    h.clock.set(instant);
    return (await services.meetings.nextMeeting(TEAM_ID, pairA.id, h.clock.now()))!.id;
  };
  await meetingAfter('2026-11-10T12:00:00Z');
  const held = await meetingAfter('2026-11-16T08:00:00Z');
  const started = await meetingAfter('2026-11-17T12:00:00Z');
  const next = await meetingAfter(NOW);

  // Goals: a draft with key results and milestones, one shared for approval, one approved, one achieved.
  const items = {
    keyResults: [{ title: secret('kr ship the ledger'), target: 3 }],
    milestones: [{ title: secret('milestone design doc'), dueDate: '2027-01-15' }],
  };
  const draft = await draftGoal(h, pairA, secret('goal draft billing'), items);
  const approved = await draftGoal(h, pairA, secret('goal approved talk'), items);
  await approvedGoal(h, pairA, approved);
  const achieved = await draftGoal(h, pairA, secret('goal achieved retro'));
  await approvedGoal(h, pairA, achieved);
  await services.goalProgress.achieve({ teamId: TEAM_ID, userId: mentor.id }, achieved.id);
  const shared = await draftGoal(h, pairA, secret('goal shared oncall'));
  await clickButton(h, mentee.id, await showList(h, mentee.id), GoalActions.share, shared.id);
  const approvalMessage = await eventually(() =>
    h.standIn.messagesIn(CHANNELS.goals.id).find((m) => buttons(m.blocks).some((b) => b.value === `${shared.id}:2`)),
  );
  await services.swot.save({ teamId: TEAM_ID, userId: mentee.id }, pairA.id, {
    strengths: secret('strength'),
    weaknesses: secret('weakness'),
    opportunities: secret('opportunity'),
    threats: secret('threat'),
  });

  // Meetings: last week's held (notes with action items), today's started three hours ago (notes still
  // to record), next week's with an agenda.
  await submitOpened(h, mentee.id, OpenActions.recordNotes, held, {
    [NotesModal.blocks.takeaways]: secret('takeaway'),
    [NotesModal.blocks.actionItems]: `mentee: ${secret('action item')} by 2026-12-10`,
  });
  const actionItem = await h.db.kysely.selectFrom('action_items').select('id').where('pair_id', '=', pairA.id).executeTakeFirstOrThrow();
  const agenda = await submitOpened(h, mentee.id, OpenActions.prepareAgenda, next, { [AgendaModal.blocks.topics]: secret('agenda topic') });

  // Practice: a request to answer, an answered one to report on, a resource, journals, thanks.
  const as = (userId: string) => ({ teamId: TEAM_ID, userId });
  const asked = await must(services.feedback.request(as(mentee.id), { pairId: pairA.id, area: secret('area asked'), question: null }));
  const toAnswer = await must(services.feedback.request(as(mentee.id), { pairId: pairA.id, area: secret('area answered'), question: null }));
  await must(services.feedback.answer(as(mentor.id), { requestId: toAnswer.item.id, answer: secret('feedback answer'), source: null }));
  const forExample = await must(services.feedback.request(as(mentee.id), { pairId: pairA.id, area: secret('area example'), question: null }));
  await must(services.feedback.answer(as(mentor.id), { requestId: forExample.item.id, answer: secret('answer to illustrate'), source: null }));
  await services.feedback.askForExample(as(mentee.id), forExample.item.id);
  const resource = await must(
    services.resources.add(as(mentor.id), { pairId: pairA.id, title: secret('resource book'), url: null, kind: 'book', recommendedBy: 'me' }),
  );
  const known = async () => {
    throw new Error('both people are stored with their pair');
  };
  const journal = async (authorId: string, marker: string) =>
    (
      await must(
        services.journal.write(as(authorId), { pairId: pairA.id, wentWell: secret(marker), learned: secret(`${marker} learned`), tryNext: null }, known),
      )
    ).entry.id;
  const journalIds = { mentee: await journal(mentee.id, JOURNAL_OF.mentee), mentor: await journal(mentor.id, JOURNAL_OF.mentor) };
  await must(services.appreciations.send({ teamId: TEAM_ID, userId: mentee.id }, { pairId: pairA.id, message: secret('thanks note') }));
  await must(services.updates.send({ teamId: TEAM_ID, userId: mentee.id }, { pairId: pairA.id, win: secret('update win'), blocker: secret('update blocker') }));

  // One scheduler pass plans the reminders (and sends what is due): the mentee's prep nudge for next week.
  await h.bot.scheduler.runPass(h.clock.now);
  const reminder = await h.db.kysely
    .selectFrom('outbox')
    .select('id')
    .where('recipient_id', '=', mentee.id)
    .where('meeting_id', '=', next)
    .where('kind', '=', 'prep')
    .executeTakeFirstOrThrow();
  // Both pairs were welcomed by DM when they were set up (the set-up modal does it), so the bot knows each DM.
  for (const person of [mentor, mentee, USERS.other, PARTNER]) await services.people.rememberDmChannel(TEAM_ID, person.id, `D${person.id}`);
  const views = await openAll(h, {
    pairA,
    draft: draft.id,
    approved: approved.id,
    achieved: achieved.id,
    started,
    next,
    resource: resource.resource.id,
    answered: toAnswer.item.id,
    asked: asked.item.id,
    exampleAsked: forExample.item.id,
    actionItem: actionItem.id,
    held,
  });
  views[AgendaModal.callbackId] = agenda;
  // The modals of an invitation and of the end cannot be opened on a running pair, and the expectations form needs no press: built as the bot builds them.
  const built: Array<[string, string, Record<string, unknown>]> = [
    ['pair_decline_save', mentee.id, declineModal(pairA.id, mentor.id, {}) as never],
    ['pair_reflection_save', mentee.id, reflectionModal(pairA.id, mentor.id, undefined) as never],
    ['check_in_note_send', mentee.id, checkInNoteModal(pairA.id, mentor.id) as never],
    ['expectations_save', mentee.id, expectationsModal(expectationsView(pairA, undefined), { userId: mentee.id, zone: 'UTC' }, true) as never],
    // The mentee's edit form of their own entry, as Edit in their journal modal turns it into.
    [JournalModal.edit.callbackId, mentee.id, journalEditModal(await services.journal.read(as(mentee.id), journalIds.mentee), 0, 'UTC') as never],
  ];
  for (const [key, userId, view] of built) {
    const opened = await h.bot.slackApp.app.client.views.open({ trigger_id: h.standIn.issueTriggerId(userId), view: view as never });
    views[key] = structuredClone(h.standIn.findView(opened.view!.id!)!);
    h.standIn.closeView(userId, opened.view!.id!);
  }
  // Request changes opens the mentor's comment modal from the approval message in the goals channel.
  await clickButton(h, mentor.id, approvalMessage, GoalActions.requestChanges, `${shared.id}:2`);
  views.goal_changes_save = structuredClone(await eventually(() => h.standIn.topView(mentor.id)));
  h.standIn.closeView(mentor.id, views.goal_changes_save.id);
  await h.settle();
  return {
    pairA,
    pairB,
    goals: { draft: draft.id, shared: shared.id, approved: approved.id, achieved: achieved.id },
    approvalMessage,
    meetings: { held, started, next },
    actionItem: actionItem.id,
    feedback: { asked: asked.item.id, answered: toAnswer.item.id, exampleAsked: forExample.item.id },
    resource: resource.resource.id,
    journal: journalIds,
    reminder: reminder.id,
    views,
  };
}

/** Every modal about pair A's data, opened by the member who may open it. */
async function openAll(
  h: Harness,
  ids: {
    pairA: Pair;
    draft: string;
    approved: string;
    achieved: string;
    started: string;
    next: string;
    resource: string;
    answered: string;
    asked: string;
    exampleAsked: string;
    actionItem: string;
    held: string;
  },
): Promise<Record<string, StoredView>> {
  const { mentor, mentee } = USERS;
  const pair = ids.pairA.id;
  const opened: Array<[string, string, string, string]> = [
    ['goal_save:new', mentee.id, OpenActions.addGoal, pair],
    ['goal_save:edit', mentee.id, GoalActions.edit, ids.draft],
    ['goal_progress_save', mentee.id, GoalActions.progress, ids.approved],
    ['goal_reflection_save', mentee.id, GoalActions.reflect, ids.achieved],
    ['swot_save', mentee.id, GoalActions.swot, pair],
    ['meeting_reschedule', mentee.id, MeetingActions.reschedule, ids.next],
    ['meeting_propose_time', mentor.id, MeetingActions.notSuitable, ids.next],
    ['meeting_rule', mentor.id, MeetingActions.changeRule, pair],
    ['notes', mentor.id, OpenActions.recordNotes, ids.started],
    ['action_item_edit_save', mentor.id, OpenActions.editActionItem, ids.actionItem],
    ['notes_amend_save', mentor.id, OpenActions.amendNotes, ids.held],
    ['feedback_request', mentee.id, OpenActions.askFeedback, pair],
    ['feedback_answer', mentor.id, FeedbackActions.answer, ids.asked],
    ['feedback_apply', mentee.id, FeedbackActions.apply, ids.answered],
    ['feedback_example', mentor.id, FeedbackActions.giveExample, ids.exampleAsked],
    ['resource_add', mentor.id, OpenActions.addResource, pair],
    ['resource_explored', mentee.id, ResourceActions.markExplored, ids.resource],
    [JournalModal.write.callbackId, mentee.id, OpenActions.writeJournal, pair],
    ['thanks_send', mentee.id, OpenActions.sayThanks, pair],
    ['update_send', mentee.id, OpenActions.sendUpdate, pair],
    ['pair_pause_save', mentee.id, PairLifeActions.pause, pair],
    ['pair_end_save', mentor.id, PairLifeActions.end, pair],
    ['pair_change_save', mentee.id, PairLifeActions.change, pair],
  ];
  const views: Record<string, StoredView> = {};
  for (const [key, userId, actionId, value] of opened) views[key] = await openedBy(h, userId, actionId, value);
  return views;
}
