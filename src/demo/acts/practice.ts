import { FeedbackActions, FeedbackModal, JournalModal, ResourceActions, ResourceModal, ThanksModal } from '../../slack/ids';
import { commandAnsweredLater, untilQuiet, waitFor } from '../wait';
import { PEOPLE, whileBothAwake, type World } from '../world';

const { maria, theo, sam } = PEOPLE;

/** Opens a modal with a slash command and returns it once Slack shows it. */
async function commandModal(world: World, userId: string, text: string) {
  const before = world.standIn.topView(userId)?.id;
  await world.driver.command(userId, text);
  const view = await waitFor(() => {
    const top = world.standIn.topView(userId);
    return top && top.id !== before ? top : undefined;
  });
  await untilQuiet(world);
  world.transcript.checkpoint();
  return view;
}

/** Clicks a button in the newest DM the person got that carries it, and returns the modal it opens. */
async function clickInDm(world: World, userId: string, actionId: string) {
  const message = [...world.standIn.dmsTo(userId)].reverse().find((m) => JSON.stringify(m.blocks ?? []).includes(actionId));
  if (!message) throw new Error(`no DM to ${userId} with ${actionId}`);
  const before = world.standIn.topView(userId)?.id;
  await world.driver.clickInMessage(userId, message, actionId);
  return waitFor(() => {
    const top = world.standIn.topView(userId);
    return top && top.id !== before ? top : undefined;
  });
}

async function submit(world: World, userId: string, view: Parameters<World['driver']['submitView']>[1], inputs: Record<string, unknown>) {
  await world.driver.submitView(userId, view, inputs);
  await untilQuiet(world);
  world.transcript.checkpoint();
}

/** Moves the demo clock to just after the pair's next scheduled meeting, as if it had just taken place. */
async function skipToEndOfNextMeeting(world: World): Promise<void> {
  const next = await world.db.kysely
    .selectFrom('meetings')
    .select(['scheduled_at', 'duration_minutes'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', world.clock.now())
    .orderBy('scheduled_at')
    .executeTakeFirst();
  if (next) world.clock.set(new Date(next.scheduled_at.getTime() + (next.duration_minutes + 5) * 60_000));
}

/** Between meetings: one feedback request and how it was applied, a resource, a private journal entry, a thank-you. */
export async function practice(world: World): Promise<void> {
  const { transcript } = world;
  const { request: r, answer: an, apply: ap } = FeedbackModal;
  whileBothAwake(world);

  transcript.act('Theo asks Maria for feedback on one specific area');
  const ask = await commandModal(world, theo.id, 'feedback presenting my design proposals');
  transcript.say('The words after the command became the area, and the question takes the suggested form.');
  await submit(world, theo.id, ask, { [r.blocks.area]: 'presenting my design proposals' });

  transcript.act('Maria answers from her DM; Theo tries it and reports back');
  const answer = await clickInDm(world, maria.id, FeedbackActions.answer);
  await submit(world, maria.id, answer, {
    [an.blocks.answer]: 'Open with the decision you want from the room, then the two options you rejected and why. Keep the details for questions.',
  });
  const apply = await clickInDm(world, theo.id, FeedbackActions.apply);
  await submit(world, theo.id, apply, {
    [ap.blocks.application]: "In Thursday's review I opened with the decision. We agreed in 20 minutes instead of an hour.",
  });

  transcript.act('Maria recommends a book; Theo explores it between sessions');
  const add = await commandModal(world, maria.id, 'resources add');
  await submit(world, maria.id, add, {
    [ResourceModal.add.blocks.title]: 'Thinking in Systems',
    [ResourceModal.add.blocks.url]: 'https://en.wikipedia.org/wiki/Thinking_In_Systems:_A_Primer',
    [ResourceModal.add.blocks.kind]: 'book',
  });
  const explored = await clickInDm(world, theo.id, ResourceActions.markExplored);
  await submit(world, theo.id, explored, { [ResourceModal.explored.blocks.takeaway]: 'Look for the feedback loop before fixing a symptom.' });
  transcript.say('One of the two resources the habit asks for between sessions.');

  transcript.act('Theo writes in his private journal');
  const entry = await commandModal(world, theo.id, 'journal');
  await submit(world, theo.id, entry, {
    [JournalModal.write.blocks.wentWell]: 'The design review went quickly once I led with the decision.',
    [JournalModal.write.blocks.learned]: 'I over-prepare the details and under-prepare the ask.',
    [JournalModal.write.blocks.tryNext]: 'Write the one-sentence ask before the slides.',
  });
  await world.driver.command(maria.id, 'journal list');
  await untilQuiet(world);
  transcript.checkpoint();
  transcript.say("Maria's journal shows only her own entries (none yet): Theo's entry is his alone, mentor included.");

  transcript.act('Their next meeting ends, and Theo says thank you');
  await skipToEndOfNextMeeting(world);
  const thanks = await commandModal(world, theo.id, 'thanks');
  await submit(world, theo.id, thanks, { [ThanksModal.blocks.message]: 'Thank you, Maria. The "decision first" advice changed how I run reviews.' });

  transcript.act('Sam, who is in no pair, tries /mentorship thanks');
  await commandAnsweredLater(world, sam.id, 'thanks');
  transcript.checkpoint();
}
