import { DateTime } from 'luxon';
import { AgendaModal, MeetingActions, meetingScopedBlock, NotesModal, OpenActions, RescheduleModal } from '../../slack/ids';
import { PEOPLE, type World } from '../world';
import { commandAnsweredLater, untilQuiet, waitFor } from '../wait';

const { maria, theo, sam } = PEOPLE;

/** The modal a person has just opened (an earlier confirmation may still be on screen until then). */
const modalOf = (world: World, userId: string, callbackId: string) =>
  waitFor(() => {
    const view = world.standIn.topView(userId);
    return view?.callback_id === callbackId ? view : undefined;
  });

/**
 * One meeting cycle: each person sees the next meeting in their own time zone; Theo prepares the
 * agenda and Maria gets it before the meeting; after it, Maria records notes with action items and
 * both get the summary; Theo ticks an item done and moves the next meeting.
 */
export async function meetings(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;

  transcript.act('Meetings: Theo and Maria each look at their next meeting');
  await driver.command(theo.id, 'meeting');
  await driver.command(maria.id, 'meeting');
  await untilQuiet(world);
  transcript.say('Both see the same meeting, each in their own time zone.');
  transcript.checkpoint();

  transcript.act('Agenda: Sam, who is in no pair, tries /mentorship agenda');
  await commandAnsweredLater(world, sam.id, 'agenda');
  transcript.checkpoint();

  transcript.act('Agenda: Theo prepares the agenda of the first meeting');
  await driver.command(theo.id, 'agenda');
  const agenda = await modalOf(world, theo.id, AgendaModal.callbackId);
  transcript.checkpoint();
  const { blocks: a } = AgendaModal;
  const typed = {
    [a.topics]: 'How to lead my first retro\nGrowing into a tech lead role',
    [a.questions]: 'How do you prepare for a hard conversation?',
    [a.feedbackFocus]: 'how I explain designs to the team',
    [a.highlight]: 'Shipped the search feature a week early',
    [a.materials]: 'My design doc draft',
  };
  const refused = await driver.submitView(theo.id, agenda, typed);
  transcript.say(`The materials line has no link, so the modal stays open with: "${Object.values(refused.errors ?? {}).join('; ')}"`);
  await driver.submitView(theo.id, agenda, { ...typed, [a.materials]: 'My design doc draft https://docs.example.com/search-design' });
  await untilQuiet(world);
  transcript.say('Theo shares it; Maria gets a readable agenda right away, in her time zone.');
  transcript.checkpoint();

  transcript.act('Agenda: Maria adds a topic from the agenda she received');
  const received = standIn.dmsTo(maria.id).at(-1)!;
  await driver.clickInMessage(maria.id, received, OpenActions.prepareAgenda);
  const mariaAgenda = await modalOf(world, maria.id, AgendaModal.callbackId);
  await driver.submitView(maria.id, mariaAgenda, { [a.topics]: 'Your promotion case: what evidence to collect' });
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act('Notes: the meeting took place; Maria records notes with action items');
  const meeting = await world.db.kysely.selectFrom('meetings').selectAll().where('status', '=', 'scheduled').orderBy('scheduled_at').executeTakeFirstOrThrow();
  world.clock.set(new Date(meeting.scheduled_at.getTime() + 50 * 60_000));
  await driver.command(maria.id, 'notes');
  const notes = await modalOf(world, maria.id, NotesModal.callbackId);
  transcript.checkpoint();
  const due = DateTime.fromJSDate(world.clock.now(), { zone: theo.tz }).plus({ days: 7 }).toISODate();
  const items = await world.db.kysely
    .selectFrom('agenda_items')
    .select(['id', 'body'])
    .where('meeting_id', '=', meeting.id)
    .where('kind', 'in', ['topic', 'question'])
    .execute();
  const covered = items.filter((item) => item.body !== 'Growing into a tech lead role').map((item) => item.id);
  const { blocks: n } = NotesModal;
  const notesTyped = {
    [meetingScopedBlock(n.covered, meeting.id)]: covered,
    [n.takeaways]: 'Run the retro with a clear timebox and one experiment to try.\nCollect promotion evidence as it happens, not at review time.',
    [n.actionItems]: `Teo: write the retro plan and share it by ${due}\nsend Theo my retro checklist`,
    [n.feedbackReceived]: 'Start design explanations with the problem, not the solution.',
    [n.feedbackApplication]: 'Open the next design review with a one-slide problem statement.',
  };
  const notesRefused = await driver.submitView(maria.id, notes, notesTyped);
  transcript.say(`Maria mistyped Theo's name; the modal keeps what she wrote: "${Object.values(notesRefused.errors ?? {}).join('; ')}"`);
  await driver.submitView(maria.id, notes, {
    ...notesTyped,
    [n.actionItems]: `Theo: write the retro plan and share it by ${due}\nsend Theo my retro checklist`,
  });
  transcript.say('The second action item names no owner, so it is Maria\'s: her summary says "yours, since no owner was named".');
  await untilQuiet(world);
  transcript.say('The meeting is marked held; both get the same summary. The topic they did not get to carries over to the next agenda.');
  transcript.checkpoint();

  transcript.act('Action items: Theo ticks his item done from the summary');
  const summary = standIn.dmsTo(theo.id).at(-1)!;
  const theosItem = await world.db.kysely.selectFrom('action_items').select('id').where('owner_id', '=', theo.id).executeTakeFirstOrThrow();
  await driver.clickInMessage(theo.id, summary, OpenActions.tickActionItem, { value: theosItem.id });
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act('Meeting: Theo moves the next meeting to the following afternoon');
  const seen = standIn.ephemeralsFor(theo.id).length;
  await driver.command(theo.id, 'meeting');
  const overview = await waitFor(() => standIn.ephemeralsFor(theo.id)[seen]);
  await driver.clickInMessage(theo.id, overview, MeetingActions.reschedule);
  const reschedule = await modalOf(world, theo.id, RescheduleModal.callbackId);
  const next = await world.db.kysely.selectFrom('meetings').selectAll().where('status', '=', 'scheduled').orderBy('scheduled_at').executeTakeFirstOrThrow();
  const newDate = DateTime.fromJSDate(next.scheduled_at, { zone: theo.tz }).plus({ days: 1 }).toISODate();
  const asked = { [RescheduleModal.blocks.date]: newDate, [RescheduleModal.blocks.time]: '15:00' };
  await driver.submitView(theo.id, reschedule, asked);
  await untilQuiet(world);
  transcript.say('15:00 in New York is 21:00 in Berlin: the modal shows the time in both zones and warns, but does not refuse.');
  transcript.checkpoint();
  await driver.submitView(theo.id, await modalOf(world, theo.id, RescheduleModal.callbackId), asked);
  await untilQuiet(world);
  transcript.say('Theo moves it anyway. The modal confirms the new time; Maria is told by DM, in her time zone, with a "Doesn\'t suit me" button.');
  transcript.checkpoint();

  transcript.act('Agenda: Theo opens the next agenda; what is still open is already on it');
  await driver.command(theo.id, 'agenda');
  const nextAgenda = await modalOf(world, theo.id, AgendaModal.callbackId);
  transcript.checkpoint();
  await driver.submitView(theo.id, nextAgenda, { [a.topics]: 'How the retro went', [a.feedbackFocus]: 'facilitating the retro' });
  await untilQuiet(world);
  transcript.say("Maria's open action item comes with its Done button; the topic they did not get to is carried over.");
  transcript.checkpoint();
}
