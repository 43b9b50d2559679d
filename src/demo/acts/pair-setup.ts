import { PairLifeActions, PairModal } from '../../slack/ids';
import { GOALS_CHANNEL, PEOPLE, whileBothAwake, type World } from '../world';
import { untilQuiet, waitFor } from '../wait';

const { blocks: b } = PairModal;
const CADENCE_WORDS: Record<string, string> = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' };

/** Maria asks for help, sets up a pair with Theo, Theo accepts the invitation, and both are welcomed. */
export async function pairSetup(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;
  whileBothAwake(world);
  transcript.act('1. Maria types /mentorship help');
  const help = await driver.command(PEOPLE.maria.id, 'help');
  transcript.ephemeral(PEOPLE.maria.id, help.json);

  transcript.act('2. Maria types /mentorship pair and fills the modal');
  await driver.command(PEOPLE.maria.id, 'pair');
  let modal = await waitFor(() => standIn.topView(PEOPLE.maria.id));
  await driver.clickInView(PEOPLE.maria.id, modal, PairModal.actions.mentee, { value: PEOPLE.theo.id });
  await untilQuiet(world);
  modal = standIn.topView(PEOPLE.maria.id) ?? modal;
  transcript.say(`Picking Theo as mentee sets the meeting time zone to his: ${PEOPLE.theo.tz}.`);

  transcript.say('Maria first picks herself as the mentee by mistake:');
  const firstDate = new Date(world.clock.now().getTime() + 8 * 86_400_000).toISOString().slice(0, 10);
  const inputs = {
    [b.mentor]: PEOPLE.maria.id,
    [b.mentee]: PEOPLE.maria.id,
    [b.channel]: GOALS_CHANNEL.id,
    [b.cadence]: 'biweekly',
    [b.firstDate]: firstDate,
    [b.firstTime]: '10:00',
    [b.duration]: '45',
    [b.length]: '6',
  };
  transcript.say(
    `In the modal: mentor Maria, mentee Maria (!), goals channel #${GOALS_CHANNEL.name}, ${CADENCE_WORDS[inputs[b.cadence]]}, first meeting ${firstDate} at ${inputs[b.firstTime]} (${PEOPLE.theo.tz}), ${inputs[b.duration]} minutes, for ${inputs[b.length]} months.`,
  );
  const refused = await driver.submitView(PEOPLE.maria.id, modal, inputs);
  transcript.say(`The modal stays open with: "${Object.values(refused.errors ?? {}).join('; ')}"`);

  await driver.submitView(PEOPLE.maria.id, modal, { ...inputs, [b.mentee]: PEOPLE.theo.id });
  await untilQuiet(world);
  transcript.say('With Theo as mentee, and everything else as above, the pair is set up and Theo is invited: nothing starts until he accepts.');
  transcript.checkpoint();

  transcript.say('Theo accepts the invitation:');
  const invitation = await waitFor(() => standIn.dmsTo(PEOPLE.theo.id).find((message) => JSON.stringify(message.blocks).includes(PairLifeActions.accept)));
  await driver.clickInMessage(PEOPLE.theo.id, invitation, PairLifeActions.accept);
  await waitFor(() => standIn.messagesIn(GOALS_CHANNEL.id).length > 0);
  await untilQuiet(world);
  transcript.say('The pair starts: both are welcomed, and the pair is introduced in the goals channel.');
  transcript.checkpoint();
}
