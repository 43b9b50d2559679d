import { PairEndModal, PairLifeActions, PairReflectionModal } from '../../slack/ids';
import { PEOPLE, whileBothAwake, type World } from '../world';
import { untilQuiet, waitFor } from '../wait';

const hasButton = (message: { blocks?: unknown[] }, actionId: string) => JSON.stringify(message.blocks ?? []).includes(`"${actionId}"`);

/**
 * The end: Maria ends the mentorship from her status (with a reason only she sees), both get the
 * closing summary, the goals channel a closing post; Theo writes his closing reflection; a month
 * later the first stay-in-touch check-in arrives.
 */
export async function closing(world: World): Promise<void> {
  const { driver, standIn, transcript, clock, bot } = world;
  whileBothAwake(world);
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act('Maria ends the mentorship from /mentorship status');
  const before = standIn.ephemeralsFor(PEOPLE.maria.id).length;
  await driver.command(PEOPLE.maria.id, 'status');
  const status = await waitFor(() =>
    standIn
      .ephemeralsFor(PEOPLE.maria.id)
      .slice(before)
      .find((message) => hasButton(message, PairLifeActions.end)),
  );
  const opened = standIn.callsTo('views.open').length;
  await driver.clickInMessage(PEOPLE.maria.id, status, PairLifeActions.end);
  await waitFor(() => standIn.callsTo('views.open').length > opened);
  const modal = await waitFor(() => standIn.topView(PEOPLE.maria.id));
  await driver.submitView(PEOPLE.maria.id, modal, { [PairEndModal.blocks.reason]: 'I am changing teams next month.' });
  await untilQuiet(world);
  transcript.say('Both get the closing summary (her reason is in hers only), and the goals channel a short closing post:');
  transcript.checkpoint();

  transcript.act('Theo writes his closing reflection');
  const summary = await waitFor(() => standIn.dmsTo(PEOPLE.theo.id).find((message) => hasButton(message, PairLifeActions.reflect)));
  const reflectionOpened = standIn.callsTo('views.open').length;
  await driver.clickInMessage(PEOPLE.theo.id, summary, PairLifeActions.reflect);
  await waitFor(() => standIn.callsTo('views.open').length > reflectionOpened);
  const reflection = await waitFor(() => standIn.topView(PEOPLE.theo.id));
  const { blocks: b } = PairReflectionModal;
  await driver.submitView(PEOPLE.theo.id, reflection, {
    [b.learned]: 'How to run a design review, and to ask for feedback on one thing at a time.',
    [b.nextSteps]: 'Lead the next two reviews on my team.',
    [b.longTermGoals]: 'Become a staff engineer within two years.',
    [b.stayInTouch]: 'Coffee once a quarter.',
    [b.wouldMentor]: 'yes',
  });
  await untilQuiet(world);
  transcript.say('The reflection is private to Theo; he keeps the check-ins.');
  transcript.checkpoint();

  transcript.act('A month later, the first check-in');
  clock.set(new Date(clock.now().getTime() + 32 * 86_400_000));
  whileBothAwake(world);
  await bot.scheduler.runPass(clock.now);
  await untilQuiet(world);
  transcript.checkpoint();
}
