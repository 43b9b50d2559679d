import { AgendaModal, OpenActions, ReminderActions, ReminderSettingsModal } from '../../slack/ids';
import { PEOPLE, type World } from '../world';
import { untilQuiet, waitFor } from '../wait';

const HOUR = 3_600_000;

/** One scheduler pass as if the clock read `at` (what `npm run tick -- --now ISO` does). */
async function passAt(world: World, at: Date): Promise<void> {
  world.clock.set(at);
  await world.bot.scheduler.runPass(world.clock.now);
  await untilQuiet(world);
}

/** The pair's next scheduled meeting after the demo's current time. */
async function nextMeeting(world: World) {
  return world.db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', world.clock.now())
    .orderBy('scheduled_at')
    .executeTakeFirstOrThrow();
}

/** The scheduler plays its part around a meeting: prep nudge, adding to the agenda, settings, thanks, notes, a skip. */
export async function reminders(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;
  const theo = PEOPLE.theo.id;
  const meeting = await nextMeeting(world);
  const start = meeting.scheduled_at.getTime();

  transcript.act('Reminders: 24 hours before their next meeting');
  transcript.say('The scheduler runs a pass every minute on every replica; here the demo runs one as the clock reaches each moment.');
  await passAt(world, new Date(start - 24 * HOUR + 5 * 60_000));
  transcript.checkpoint();

  transcript.act('Reminders: the nudge knows the agenda is shared; Theo adds to it');
  const nudge = await waitFor(() => standIn.dmsTo(theo).find((message) => message.text.includes('your agenda is shared')));
  await driver.clickInMessage(theo, nudge, OpenActions.prepareAgenda);
  const adding = await waitFor(() => {
    const view = standIn.topView(theo);
    return view?.callback_id === AgendaModal.callbackId ? view : undefined;
  });
  await driver.submitView(theo, adding, { [AgendaModal.blocks.topics]: 'Which team to join next quarter' });
  await untilQuiet(world);
  transcript.say('Instead of asking for the agenda again, the nudge showed it and offered to add to it; Maria gets what was added:');
  transcript.checkpoint();

  transcript.act('Reminders: Theo wants his nudges two days ahead');
  const latest = standIn.dmsTo(theo).at(-1)!;
  await driver.clickInMessage(theo, latest, ReminderActions.openSettings);
  const modal = await waitFor(() => standIn.openViews(theo).find((view) => view.callback_id === ReminderSettingsModal.callbackId));
  transcript.checkpoint();
  const { blocks: b } = ReminderSettingsModal;
  await driver.submitView(theo, modal, { [b.lead]: '2880', [b.pause]: null });
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act('Reminders: the meeting ends');
  await passAt(world, new Date(start + meeting.duration_minutes * 60_000 + 5 * 60_000));
  transcript.say('At the end, both are asked to say thanks:');
  transcript.checkpoint();
  await passAt(world, new Date(start + meeting.duration_minutes * 60_000 + HOUR + 5 * 60_000));
  transcript.say('An hour later, both are asked to record the notes (if nobody does within a day, both get the agenda and open items):');
  transcript.checkpoint();

  transcript.act('Reminders: between sessions');
  // The next one from now: an earlier cycle's (already past) would take the clock backwards.
  const midCycle = await world.db.kysely
    .selectFrom('outbox')
    .select('due_at')
    .where('kind', '=', 'mid_cycle')
    .where('due_at', '>', world.clock.now())
    .orderBy('due_at')
    .executeTakeFirst();
  if (midCycle) {
    await passAt(world, new Date(midCycle.due_at.getTime() + 60_000));
    transcript.say('Half-way to the next meeting, Theo is reminded of the habits between sessions:');
    transcript.checkpoint();
  }

  transcript.act('Reminders: Theo skips the next meeting');
  const next = await nextMeeting(world);
  await passAt(world, new Date(next.scheduled_at.getTime() - 48 * HOUR + 5 * 60_000));
  const nextNudge = await waitFor(() => [...standIn.dmsTo(theo)].reverse().find((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.skip)));
  await driver.clickInMessage(theo, nextNudge, ReminderActions.skip);
  await untilQuiet(world);
  transcript.say('Its reminders are cancelled and Maria is told at once:');
  transcript.checkpoint();
  transcript.say("No reminder arrives between 21:00 and 08:00 in the reader's zone; REMINDERS_DRY_RUN=true would have logged all of this and sent nothing.");
}
