import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { checklist, checklistScore, FEEDBACK_WINDOW_MS } from '../../domain/home/checklist';
import { goalProgress, progressBar } from '../../domain/home/progress';
import type { GoalInfo, HomeSnapshot, PairSnapshot } from '../../domain/home/snapshot';
import { LIST_LIMITS, meetingEnd, plannedEndPassed } from '../../domain/home/snapshot';
import { formatInZone, formatLocalDate, localDateIn } from '../../domain/time/zoned';
import { checklistBlocks, checklistSummaryBlock, checklistTodoButtons } from './checklist';
import { actionsBlock, commonButtons, openButton } from './home-buttons';
import { daysFromToday, dueLabel, GOAL_STATUS_LABEL, linked, more, relativeDays, relativeInstant, typed, who, whom } from './home-format';
import { mrkdwn, plain } from './text';
import { lifeButtons, stateLine } from './pair-life-messages';
import { dashboardExpectationsBlocks, dashboardExpectationsButton } from './expectations';

/**
 * One pair's part of the dashboard, at three sizes so that many pairs and long histories fit Slack's
 * block limits: 'full' (everything, a button per action item and per checklist item), 'compact'
 * (fewer lines, the checklist in one block) and 'minimal' (one summary line and the buttons).
 */
export type Level = 'full' | 'compact' | 'minimal';

const SHOWN = {
  // The full layout shows everything the service loads.
  full: LIST_LIMITS,
  compact: { goals: 3, actionItems: 3, resources: 2 },
} as const;
const END_SOON_DAYS = 21;

export function pairBlocks(snapshot: HomeSnapshot, pair: PairSnapshot, level: Level): KnownBlock[] {
  const life = lifeButtons(
    { id: pair.pair.id, status: pair.pair.status, createdBy: pair.pair.createdBy, coordinatorId: pair.pair.coordinatorId },
    snapshot.viewerId,
    otherName(snapshot, pair),
  );
  if (pair.pair.status !== 'active') return notRunningBlocks(snapshot, pair, level, life);
  const items = checklist(pair);
  const other = otherName(snapshot, pair);
  const expectations = dashboardExpectationsButton(pair.expectations, true, other);
  if (level === 'minimal')
    return [
      minimalSection(snapshot, pair),
      actionsBlock([...commonButtons(pair, other), ...checklistTodoButtons(pair, items, other), expectations, ...life]),
      { type: 'divider' },
    ];
  const shown = SHOWN[level];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(title(snapshot, pair), 150) },
    { type: 'context', elements: [mrkdwn(rhythm(snapshot, pair))] },
  ];
  blocks.push(meetingSection(snapshot, pair, level));
  if (level === 'full' && pair.awaitingNotes && pair.next) blocks.push(awaitingNotesSection(snapshot, pair));
  if (level === 'full') blocks.push(...dashboardExpectationsBlocks(pair.expectations, viewerOf(snapshot, pair), true));
  blocks.push(goalsSection(snapshot, pair, shown.goals));
  blocks.push(...actionItemBlocks(snapshot, pair, shown.actionItems));
  if (level === 'full') {
    blocks.push(feedbackSection(snapshot, pair), resourcesSection(snapshot, pair, shown.resources));
    blocks.push(...checklistBlocks(snapshot, pair, items), actionsBlock(commonButtons(pair, other)), actionsBlock(life));
  } else {
    blocks.push({ type: 'section', fields: [mrkdwn(feedbackText(snapshot, pair), 2000), mrkdwn(resourcesText(snapshot, pair, shown.resources), 2000)] });
    blocks.push(
      checklistSummaryBlock(items),
      actionsBlock([...commonButtons(pair, other), ...checklistTodoButtons(pair, items, other), expectations, ...life]),
    );
  }
  blocks.push({ type: 'divider' });
  return blocks;
}

/**
 * An invited, paused or ended pair: its state, its goals as a record, and only the buttons its state
 * allows (an ended pair offers nothing that changes it, an invited one only the answer to the invitation).
 */
function notRunningBlocks(snapshot: HomeSnapshot, pair: PairSnapshot, level: Level, life: Button[]): KnownBlock[] {
  const state = stateLine(
    {
      status: pair.pair.status,
      createdBy: pair.pair.createdBy,
      resumeOn: pair.pair.resumeOn,
      endedAt: pair.pair.endedAt,
      invitationExpiresAt: pair.pair.invitationExpiresAt,
    },
    { userId: snapshot.viewerId, zone: snapshot.viewerZone },
  );
  const heading = `*${typed(title(snapshot, pair), 100)}* · ${state ?? ''}`;
  // An invited pair has no expectations yet; a paused one may still agree on them; an ended one shows them as a record.
  const invited = pair.pair.status === 'invited';
  const canChange = pair.pair.status === 'paused';
  const expectations = invited ? [] : dashboardExpectationsBlocks(pair.expectations, viewerOf(snapshot, pair), canChange);
  if (level === 'minimal') {
    const button = invited || expectations.length === 0 ? [] : [dashboardExpectationsButton(pair.expectations, canChange, otherName(snapshot, pair))];
    return [{ type: 'section', text: mrkdwn(heading) }, actionsBlock([...button, ...life]), { type: 'divider' }];
  }
  const goals = goalsSection(snapshot, pair, SHOWN[level].goals);
  // Goals can still be added to a paused pair; an invited one has none yet and an ended one is a record.
  const record = pair.pair.status === 'paused' ? goals : { ...goals, accessory: undefined };
  return [
    { type: 'header', text: plain(title(snapshot, pair), 150) },
    { type: 'context', elements: [mrkdwn(rhythm(snapshot, pair))] },
    { type: 'section', text: mrkdwn(state ?? '') },
    ...(invited ? [] : [record]),
    ...expectations,
    actionsBlock(life),
    { type: 'divider' },
  ];
}

const otherName = (snapshot: HomeSnapshot, pair: PairSnapshot): string => snapshot.names[pair.otherId] ?? 'your pair';
const viewerOf = (snapshot: HomeSnapshot, pair: PairSnapshot) => ({
  userId: snapshot.viewerId,
  zone: snapshot.viewerZone,
  otherName: otherName(snapshot, pair),
});

function title(snapshot: HomeSnapshot, pair: PairSnapshot): string {
  const other = otherName(snapshot, pair);
  return pair.role === 'mentor' ? `Mentoring ${other}` : `Mentored by ${other}`;
}

function rhythm(snapshot: HomeSnapshot, pair: PairSnapshot): string {
  const every = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' }[pair.pair.cadence];
  const left = daysFromToday(pair.pair.plannedEndOn, snapshot.now, snapshot.viewerZone);
  const end =
    left < 0 ? `planned to end on ${formatLocalDate(pair.pair.plannedEndOn)}` : `until ${formatLocalDate(pair.pair.plannedEndOn)} (${relativeDays(left)})`;
  const status = pair.pair.status === 'active' ? '' : ` · *${pair.pair.status}*`;
  const closing = left >= 0 && left <= END_SOON_DAYS ? ' · Nearly done: mark achieved goals and look back together in your last meetings.' : '';
  return `You meet ${every}, ${end}${status}${closing}`;
}

function agendaLine(pair: PairSnapshot): string {
  const count = Object.values(pair.nextAgenda).reduce((sum, n) => sum + (n ?? 0), 0);
  if (pair.next?.agendaSharedAt) return `Agenda: ✅ ready (${count} ${count === 1 ? 'item' : 'items'})`;
  if (count > 0) return `Agenda: ✏️ ${count} ${count === 1 ? 'item' : 'items'}, not shared yet`;
  return 'Agenda: ⬜ not started';
}

function meetingSection(snapshot: HomeSnapshot, pair: PairSnapshot, level: Level): SectionBlock {
  const { next, awaitingNotes } = pair;
  const zone = snapshot.viewerZone;
  const notesDue = awaitingNotes ? `\nYour meeting of ${formatInZone(awaitingNotes.scheduledAt, zone)} has ended; notes are not recorded yet.` : '';
  if (!next) {
    const notes = awaitingNotes
      ? openButton('recordNotes', awaitingNotes.id, 'Record notes', true, `Record notes of your last meeting with ${otherName(snapshot, pair)}`)
      : null;
    const line = pair.rhythmNext
      ? `*Next meeting:* ${formatInZone(pair.rhythmNext, zone)}, ${relativeInstant(pair.rhythmNext, snapshot.now, zone)}\n${agendaLine(pair)}`
      : `*Next meeting:* ${noMoreMeetings(snapshot, pair)}. The mentorship closes by itself, with a summary for you both; *Change set-up* extends it.`;
    return { type: 'section', text: mrkdwn(`${line}${notesDue}`), ...(notes ? { accessory: notes } : {}) };
  }
  const now = snapshot.now.getTime();
  const when =
    next.scheduledAt.getTime() <= now && meetingEnd(next).getTime() > now
      ? `*Meeting now* (since ${formatInZone(next.scheduledAt, zone)})`
      : `*Next meeting:* ${formatInZone(next.scheduledAt, zone)}, ${relativeInstant(next.scheduledAt, snapshot.now, zone)}`;
  const extra = level === 'compact' ? notesDue : '';
  return {
    type: 'section',
    text: mrkdwn(`${when} · ${next.durationMinutes} min\n${agendaLine(pair)}${extra}`),
    accessory: openButton('prepareAgenda', next.id, 'Prepare agenda', false, `Open the agenda of your next meeting with ${otherName(snapshot, pair)}`),
  };
}

/** Why a running pair has no next meeting: its rhythm plans none before the planned end, or the end has passed. */
function noMoreMeetings(snapshot: HomeSnapshot, pair: PairSnapshot): string {
  const end = formatLocalDate(pair.pair.plannedEndOn);
  return plannedEndPassed(pair.pair, snapshot.now, snapshot.viewerZone) ? `none, the planned end (${end}) has passed` : `none before the planned end (${end})`;
}

function awaitingNotesSection(snapshot: HomeSnapshot, pair: PairSnapshot): SectionBlock {
  const meeting = pair.awaitingNotes!;
  return {
    type: 'section',
    text: mrkdwn(`Your meeting of ${formatInZone(meeting.scheduledAt, snapshot.viewerZone)} has ended; notes are not recorded yet.`),
    accessory: openButton(
      'recordNotes',
      meeting.id,
      'Record notes',
      false,
      `Record notes of your meeting with ${otherName(snapshot, pair)} of ${formatInZone(meeting.scheduledAt, snapshot.viewerZone)}`,
    ),
  };
}

function goalLine(snapshot: HomeSnapshot, goal: GoalInfo): string {
  const progress = goalProgress(goal.progressItems);
  const parts = [`• *${typed(goal.title, 90)}*`, GOAL_STATUS_LABEL[goal.status]];
  const late = goal.status !== 'achieved' && daysFromToday(goal.targetDate, snapshot.now, snapshot.viewerZone) < 0;
  parts.push(`target ${formatLocalDate(goal.targetDate)}${late ? ' *(passed)*' : ''}`);
  if (progress.keyResults !== null)
    // The glyphs mean nothing read aloud: the count next to them says the same in words.
    parts.push(
      `\`${progressBar(progress.keyResults)}\` ${progress.keyResultsMet} of ${progress.keyResultCount} key result${progress.keyResultCount === 1 ? '' : 's'} met`,
    );
  if (progress.milestoneCount > 0) parts.push(`${progress.milestonesDone} of ${progress.milestoneCount} milestones done`);
  return parts.join(' · ');
}

function goalsSection(snapshot: HomeSnapshot, pair: PairSnapshot, max: number): SectionBlock {
  const counts = pair.goalCounts;
  const total = Object.entries(counts).reduce((sum, [status, n]) => (status === 'dropped' ? sum : sum + (n ?? 0)), 0);
  const accessory = openButton('addGoal', pair.pair.id, 'Add a goal', false, `Add a goal to your mentorship with ${otherName(snapshot, pair)}`);
  if (total === 0) {
    const approver = pair.role === 'mentor' ? 'you approve them' : `${who(snapshot, pair.pair.mentorId)} approves them`;
    return { type: 'section', text: mrkdwn(`*Goals:* none yet. Draft 3-5 SMART goals with target dates; ${approver}.`), accessory };
  }
  const shown = pair.goals.slice(0, max);
  const summary = (['approved', 'awaiting_approval', 'changes_requested', 'draft', 'achieved'] as const)
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${GOAL_STATUS_LABEL[s].replace(' 🎉', '').toLowerCase()}`)
    .join(', ');
  const lines = shown.map((goal) => goalLine(snapshot, goal)).join('\n');
  return { type: 'section', text: mrkdwn(`*Goals* (${summary})\n${lines}${more(total - shown.length, '/mentorship goals')}`), accessory };
}

function actionItemBlocks(snapshot: HomeSnapshot, pair: PairSnapshot, max: number): KnownBlock[] {
  const total = pair.openActionItemTotal;
  if (total === 0) return [{ type: 'section', text: mrkdwn('*Open action items:* none.') }];
  // Grouped by owner (the viewer's own first), each group in due-date order as loaded.
  const shown = pair.openActionItems.slice(0, max);
  const owners = [...new Set([snapshot.viewerId, ...shown.map((item) => item.ownerId)])];
  const sorted = owners.flatMap((owner) => shown.filter((item) => item.ownerId === owner));
  const heading: SectionBlock = { type: 'section', text: mrkdwn(`*Open action items* (${total})${more(total - shown.length, '/mentorship notes')}`) };
  return [
    heading,
    ...sorted.map((item): SectionBlock => ({
      type: 'section',
      text: mrkdwn(`*${who(snapshot, item.ownerId)}:* ${typed(item.body, 200)} · ${dueLabel(item.dueOn, snapshot.now, snapshot.viewerZone)}`),
      accessory: openButton('tickActionItem', item.id, 'Done ✓', false, `Mark done: ${item.body}`),
    })),
  ];
}

/**
 * Feedback as of the last meeting: what was asked at it (within the checklist's window around it) or
 * since, and the answer given since. An older request belongs to an older meeting and is not shown
 * as if it were the latest news.
 */
function feedbackText(snapshot: HomeSnapshot, pair: PairSnapshot): string {
  const from = pair.lastHeld ? pair.lastHeld.scheduledAt.getTime() - FEEDBACK_WINDOW_MS : Number.NEGATIVE_INFINITY;
  // A request tied to the last meeting (the agenda's feedback focus is one) was asked at it, however early.
  const latest = pair.latestAsked;
  const asked = latest && (latest.createdAt.getTime() >= from || (pair.lastHeld !== null && latest.meetingId === pair.lastHeld.id)) ? latest : null;
  const given = pair.latestGiven?.answeredAt && pair.latestGiven.answeredAt.getTime() >= from ? pair.latestGiven : null;
  const zone = snapshot.viewerZone;
  if (!asked) {
    const since = pair.lastHeld ? ` at or since the last meeting (${formatLocalDate(localDateIn(pair.lastHeld.scheduledAt, zone))})` : ' yet';
    return `*Feedback:* none asked${since}. Ask on one specific area at each meeting.`;
  }
  const state = asked.status === 'requested' ? 'waiting for an answer' : asked.status === 'answered' ? 'answered' : 'answered and applied';
  const lines = [
    `*Feedback*`,
    `Asked: ${who(snapshot, asked.requesterId)} asked ${whom(snapshot, asked.responderId)} about _${typed(asked.area, 80)}_ ${relativeInstant(asked.createdAt, snapshot.now, zone)}: ${state}.`,
  ];
  if (given?.answer) {
    lines.push(`Given: ${who(snapshot, given.responderId)} on _${typed(given.area, 80)}_: “${typed(given.answer, 200)}”`);
    if (given.example) lines.push(`Example: “${typed(given.example, 200)}”`);
  }
  return lines.join('\n');
}

function feedbackSection(snapshot: HomeSnapshot, pair: PairSnapshot): SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(feedbackText(snapshot, pair)),
    accessory: openButton('askFeedback', pair.pair.id, 'Ask for feedback', false, `Ask ${otherName(snapshot, pair)} for feedback`),
  };
}

function resourcesText(snapshot: HomeSnapshot, pair: PairSnapshot, max: number): string {
  const since = pair.lastHeld ? 'since the last meeting' : 'so far';
  const total = pair.exploredSinceTotal;
  if (total === 0) return `*Resources explored ${since}:* none yet.`;
  const lines = pair.exploredSince.slice(0, max).map((r) => {
    const takeaway = r.takeaway ? `: “${typed(r.takeaway, 120)}”` : '';
    return `• ${linked(r.url, typed(r.title, 80))} (${r.kind}), ${who(snapshot, r.exploredBy)}${takeaway}`;
  });
  return `*Resources explored ${since}* (${total})\n${lines.join('\n')}${more(total - Math.min(max, pair.exploredSince.length), '/mentorship resources')}`;
}

function resourcesSection(snapshot: HomeSnapshot, pair: PairSnapshot, max: number): SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(resourcesText(snapshot, pair, max)),
    accessory: openButton('addResource', pair.pair.id, 'Add a resource', false, `Add a resource to your mentorship with ${otherName(snapshot, pair)}`),
  };
}

function minimalSection(snapshot: HomeSnapshot, pair: PairSnapshot): SectionBlock {
  const zone = snapshot.viewerZone;
  const upcoming = pair.next?.scheduledAt ?? pair.rhythmNext;
  const next = upcoming ? `next meeting ${formatInZone(upcoming, zone)}, ${agendaLine(pair).toLowerCase()}` : `next meeting ${noMoreMeetings(snapshot, pair)}`;
  const goals = Object.entries(pair.goalCounts).reduce((sum, [status, n]) => (status === 'dropped' ? sum : sum + (n ?? 0)), 0);
  const score = checklistScore(checklist(pair));
  const notes = pair.awaitingNotes ? ' · notes due' : '';
  return {
    type: 'section',
    text: mrkdwn(
      `*${typed(title(snapshot, pair), 100)}* · ${next}\nGoals: ${goals} · Open action items: ${pair.openActionItemTotal} · Checklist ${score.done}/${score.total}${notes}`,
    ),
  };
}
