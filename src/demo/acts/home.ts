import { PEOPLE, type World } from '../world';
import { untilQuiet, waitFor } from '../wait';

/**
 * The last act: the dashboards. Sam, in no pair, is shown how to start one; Maria asks for her status
 * in a slash command; Theo opens the Home tab and sees where the whole mentorship stands.
 */
export async function home(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;
  const opened = async (userId: string) => {
    const before = standIn.callsTo('views.publish').filter((call) => call.args.user_id === userId).length;
    await driver.appHomeOpened(userId);
    await waitFor(() => standIn.callsTo('views.publish').filter((call) => call.args.user_id === userId).length > before);
    await untilQuiet(world);
  };
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act("Sam, who is in no pair, opens the bot's Home tab");
  await opened(PEOPLE.sam.id);
  transcript.checkpoint({ home: PEOPLE.sam.id });

  transcript.act('Maria types /mentorship status');
  const earlier = standIn.ephemeralsFor(PEOPLE.maria.id).length;
  await driver.command(PEOPLE.maria.id, 'status');
  await waitFor(() => standIn.ephemeralsFor(PEOPLE.maria.id).length > earlier);
  await untilQuiet(world);
  transcript.say('The same overview as her Home tab, as a message only she can see:');
  transcript.checkpoint();

  transcript.act("Theo opens the bot's Home tab");
  await opened(PEOPLE.theo.id);
  transcript.say('Every item of the checklist is computed from what the pair recorded; each open one has the button that does it.');
  transcript.checkpoint({ home: PEOPLE.theo.id });
}
