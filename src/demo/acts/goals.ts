import { DateTime } from 'luxon';
import type { StoredMessage } from '../../devtools/slack-stand-in';
import { afterQuietHours } from '../../domain/reminders/quiet-hours';
import { GoalActions, GoalModal, OpenActions } from '../../slack/ids';
import { GOALS_CHANNEL, PEOPLE, type World } from '../world';
import { untilQuiet, waitFor } from '../wait';

const { blocks: b } = GoalModal;

/** The value of the first button with this action id in a message (the demo presses what it sees). */
function buttonValue(message: StoredMessage | undefined, actionId: string): string | undefined {
  for (const block of message?.blocks ?? []) {
    for (const element of [block.accessory, ...(block.elements ?? [])]) {
      if (element?.type === 'button' && element.action_id === actionId) return element.value;
    }
  }
  return undefined;
}

/** Later on: Theo marks the approved goal achieved; the goals channel celebrates it and he is asked for a reflection. */
export async function goalAchieved(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;
  const theo = PEOPLE.theo.id;
  transcript.act('Goals: Theo achieved his goal');
  const seen = standIn.ephemeralsFor(theo).length;
  await driver.command(theo, 'goals');
  const list = await waitFor(() => standIn.ephemeralsFor(theo)[seen]);
  const goalId = buttonValue(list, GoalActions.achieve);
  if (!goalId) throw new Error('the demo found no approved goal to mark achieved');
  await driver.clickInMessage(theo, list, GoalActions.achieve, { value: goalId });
  await waitFor(() => standIn.messagesIn(GOALS_CHANNEL.id).some((m) => /achieved/i.test(JSON.stringify(m.blocks ?? []) + m.text)));
  await untilQuiet(world);
  transcript.say(
    'Theo marks "Lead a design review" achieved (after a confirmation); the goals channel celebrates it and Theo is asked for one line of reflection:',
  );
  transcript.checkpoint();
}

/** Theo drafts a SMART goal and shares it; Sam cannot approve it; Maria does. */
export async function goals(world: World): Promise<void> {
  const { driver, standIn, transcript } = world;
  const theo = PEOPLE.theo.id;

  transcript.act('3. Theo types /mentorship goals');
  await driver.command(theo, 'goals');
  const list = await waitFor(() => standIn.ephemeralsFor(theo).at(-1));
  transcript.checkpoint();

  transcript.act('4. Theo adds a SMART goal');
  await driver.clickInMessage(theo, list, OpenActions.addGoal);
  const modal = await waitFor(() => standIn.topView(theo));
  transcript.checkpoint();
  const today = DateTime.fromJSDate(world.clock.now(), { zone: PEOPLE.theo.tz });
  const date = (months: number, days = 0) => today.plus({ months, days }).toISODate() ?? '';
  const inputs = {
    [b.title]: 'Lead a design review',
    [b.specific]: 'Prepare and run the design review of the billing service, end to end.',
    [b.measurable]: 'The review happens, and at least two decisions are written down.',
    [b.achievable]: 'I know the service well and Maria has run many reviews.',
    [b.relevant]: 'Leading reviews is expected of a senior engineer.',
    [b.targetDate]: date(3),
    [b.objective]: 'Grow into technical leadership',
    [b.keyResults]: 'Ship 3 features = 3\nGive a team talk',
    [b.milestones]: `${date(1)} Draft the design doc\n${date(3, 10)} Hold the review`,
  };
  transcript.say('Theo puts the review milestone after the target date by mistake:');
  const refused = await driver.submitView(theo, modal, inputs);
  transcript.say(`The modal stays open, everything typed kept, with: "${Object.values(refused.errors ?? {}).join('; ')}"`);
  await driver.submitView(theo, modal, { ...inputs, [b.milestones]: `${date(1)} Draft the design doc\n${date(2, 15)} Hold the review` });
  await untilQuiet(world);
  transcript.say('With the milestone moved, the goal is saved as a draft and his list comes back.');
  transcript.checkpoint();

  transcript.act('5. Theo shares it for approval');
  const saved = standIn.ephemeralsFor(theo).at(-1);
  const goalId = buttonValue(saved, GoalActions.share);
  if (!saved || !goalId) throw new Error('the demo found no goal to share');
  await driver.clickInMessage(theo, saved, GoalActions.share, { value: goalId });
  const shared = await waitFor(() => standIn.messagesIn(GOALS_CHANNEL.id).find((m) => buttonValue(m, GoalActions.approve)));
  await untilQuiet(world);
  transcript.checkpoint();

  transcript.act('6. Sam, who is not in the pair, presses Approve');
  await driver.clickInMessage(PEOPLE.sam.id, shared, GoalActions.approve);
  await untilQuiet(world);
  transcript.say('Nothing changes in the channel; only Sam sees the answer.');
  transcript.checkpoint();

  transcript.act('7. Maria approves the goal');
  await driver.clickInMessage(PEOPLE.maria.id, shared, GoalActions.approve);
  await waitFor(() => JSON.stringify(standIn.findMessage(shared.channel, shared.ts)?.blocks ?? []).includes('Approved by'));
  await untilQuiet(world);
  const approvedDm = () => standIn.dmsTo(theo).some((m) => m.text.startsWith('Goal approved'));
  if (!approvedDm()) {
    // A DM to the other person waits for the end of their quiet hours; a scheduler pass then sends it.
    transcript.say("It is night in New York: Theo's DM waits in the outbox until 08:00 his time, when a scheduler pass sends it.");
    world.clock.set(afterQuietHours(world.clock.now(), PEOPLE.theo.tz));
    await world.bot.scheduler.runPass(world.clock.now);
    await waitFor(approvedDm);
    await untilQuiet(world);
  }
  transcript.say('The same channel message now says who approved it and when; Theo hears it by DM, in his time zone.');
  transcript.checkpoint();
}
