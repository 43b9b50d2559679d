import type { Goal, Pair } from '../../src/db/schema';
import type { ProgressItem } from '../../src/domain/goals/goals.repository';
import type { PickedUser } from '../../src/domain/pairs/pair-rules';
import type { Json, StoredMessage, StoredView } from '../../src/devtools/slack-stand-in';
import { GoalModal } from '../../src/slack/ids';
import { CHANNELS, type Harness, TEAM_ID, USERS } from './harness';
import { eventually } from './wait';

type UserKey = keyof typeof USERS;
export interface Someone {
  id: string;
  realName: string;
  tz: string;
}
const picked = (who: Someone): PickedUser => ({ userId: who.id, displayName: who.realName, timeZone: who.tz, isBot: false, deleted: false });
const resolve = (who: UserKey | Someone): Someone => (typeof who === 'string' ? USERS[who] : who);

/** A pair made through the pairs service (its own feature is tested elsewhere); ends 2027-06-01. */
export async function createPair(h: Harness, mentorKey: UserKey | Someone, menteeKey: UserKey | Someone, channelId: string = CHANNELS.goals.id): Promise<Pair> {
  const mentor = resolve(mentorKey);
  const mentee = resolve(menteeKey);
  const result = await h.bot.services.pairs.create(
    {
      teamId: TEAM_ID,
      createdBy: mentor.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      goalsChannelId: channelId,
      cadence: 'biweekly',
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    },
    { mentor: picked(mentor), mentee: picked(mentee) },
  );
  if (!result.ok) throw new Error(`pair not created: ${JSON.stringify(result.errors)}`);
  return result.pair;
}

const { blocks: b } = GoalModal;

/** A valid goal modal submission; override any field by block id. */
export const goalInputs = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  [b.title]: 'Lead a design review',
  [b.specific]: 'Prepare and run the design review of the billing service.',
  [b.measurable]: 'The review happens and at least two decisions come out of it.',
  [b.achievable]: 'I already know the service well.',
  [b.relevant]: 'Leading reviews is expected at the next level.',
  [b.targetDate]: '2027-03-01',
  [b.objective]: 'Grow into technical leadership',
  [b.keyResults]: 'Ship 3 features = 3\nGive a team talk',
  [b.milestones]: '2027-01-15 Draft the design doc\n2027-02-15 Hold the review',
  ...extra,
});

/** Every button in a message or view, with where it sits. */
export function buttons(blocks: Json[] | undefined): { actionId: string; value: string; text: string; blockId: string }[] {
  const found: { actionId: string; value: string; text: string; blockId: string }[] = [];
  for (const block of blocks ?? []) {
    const elements: Json[] = [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])].filter(Boolean);
    for (const el of elements) if (el.type === 'button') found.push({ actionId: el.action_id, value: el.value, text: el.text?.text, blockId: block.block_id });
  }
  return found;
}

/**
 * Clicks the button with this action id and value, after checking the message really shows it
 * (the driver would otherwise click the first button with that action id).
 */
export async function clickButton(h: Harness, userId: string, message: StoredMessage, actionId: string, value: string) {
  const current = h.standIn.findMessage(message.channel, message.ts) ?? message;
  const shown = buttons(current.blocks).some((button) => button.actionId === actionId && button.value === value);
  if (!shown) throw new Error(`no ${actionId} button with value ${value} in message ${message.ts}`);
  return h.driver.clickInMessage(userId, current, actionId, { value });
}

/** The latest ephemeral goal list shown to a person. */
export const latestList = (h: Harness, userId: string): StoredMessage | undefined =>
  h.standIn
    .ephemeralsFor(userId)
    .filter((m) => buttons(m.blocks).some((button) => button.actionId === 'open_add_goal'))
    .at(-1);

export async function showList(h: Harness, userId: string): Promise<StoredMessage> {
  const before = h.standIn.ephemeralsFor(userId).length;
  const response = await h.driver.command(userId, 'goals');
  if (response.status !== 200) throw new Error(`goals command answered ${response.status}`);
  await eventually(() => h.standIn.ephemeralsFor(userId).length > before);
  return latestList(h, userId)!;
}

/** Opens the add-goal modal from the person's goal list for the given pair. */
export async function openAddGoal(h: Harness, userId: string, pairId: string): Promise<StoredView> {
  const list = await showList(h, userId);
  await clickButton(h, userId, list, 'open_add_goal', pairId);
  return eventually(() => h.standIn.topView(userId)?.callback_id === GoalModal.callbackId && h.standIn.topView(userId));
}

export async function goalRow(h: Harness, goalId: string): Promise<Goal> {
  return h.db.kysely.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirstOrThrow();
}

export async function goalsOf(h: Harness, pairId: string): Promise<Goal[]> {
  return h.db.kysely.selectFrom('goals').selectAll().where('pair_id', '=', pairId).orderBy('created_at').execute();
}

export async function itemsOf(h: Harness, goalId: string): Promise<ProgressItem[]> {
  return h.db.kysely.selectFrom('goal_progress_items').selectAll().where('goal_id', '=', goalId).orderBy('kind').orderBy('position').execute();
}

/**
 * Notices go out through a per-workspace token bucket that refills with time, and the harness clock
 * stands still: a test file that sends more than a burst's worth of messages refills it between tests.
 */
export async function refillSendBudget(h: Harness): Promise<void> {
  await h.db.kysely.deleteFrom('slack_rate_buckets').execute();
}

/** Creates a goal through the service, as the mentee would through the modal. */
export async function draftGoal(
  h: Harness,
  pair: Pair,
  title: string,
  extra: { targetDate?: string; keyResults?: { title: string; target: number | null }[]; milestones?: { title: string; dueDate: string }[] } = {},
): Promise<Goal> {
  const result = await h.bot.services.goals.save(
    { teamId: TEAM_ID, userId: pair.mentee_id },
    { pairId: pair.id },
    {
      title,
      specific: `Specific for ${title}`,
      measurable: `Measured by ${title}`,
      achievable: null,
      relevant: null,
      objective: null,
      targetDate: extra.targetDate ?? '2027-03-01',
      keyResults: (extra.keyResults ?? []).map((kr, index) => ({ ...kr, line: index + 1 })),
      milestones: (extra.milestones ?? []).map((milestone, index) => ({ ...milestone, line: index + 1 })),
    },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return goalRow(h, result.goal.id);
}

export const textOf = (message: { text?: string; blocks?: Json[] } | undefined): string => JSON.stringify(message?.blocks ?? []) + (message?.text ?? '');

/** A goal the mentor approved through Slack: shared from the mentee's list, approved on the channel message. */
export async function approvedGoal(h: Harness, pair: Pair, goal: Goal): Promise<StoredMessage> {
  const list = await showList(h, pair.mentee_id);
  await clickButton(h, pair.mentee_id, list, 'goal_share', goal.id);
  const message = await eventually(() => h.standIn.messagesIn(pair.goals_channel_id).find((m) => buttons(m.blocks).some((b) => b.value === `${goal.id}:2`)));
  await clickButton(h, pair.mentor_id, message, 'goal_approve', `${goal.id}:2`);
  await eventually(async () => (await goalRow(h, goal.id)).status === 'approved');
  return message;
}
