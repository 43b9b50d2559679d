import type { Button } from '@slack/types';
import type { ChangedDetail, InvitationClosed, PairChanged, PairInvited, PairPaused, PairResumed } from '../../domain/pairs/events';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { PairLifeActions } from '../ids';
import type { Message } from './help';
import { quoteTyped } from './quote';
import { channelLink, mention, mrkdwn, plain, accessibilityLabel } from './text';

/** The messages of a pair's life before and during it: the invitation and its answers, pause, resume, changes. */

const CADENCE_WORDS = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' } as const;

const lifeButton = (text: string, actionId: string, pairId: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  text: plain(text, 75),
  action_id: actionId,
  value: pairId,
  ...(style ? { style } : {}),
});

/** The invitation DM: who asks, in which role, the rhythm and the first meeting in the invitee's zone. */
export function invitationMessage(event: PairInvited): Message {
  const role = event.inviteeRole === 'mentee' ? 'to mentor you' : 'to be their mentor';
  const when = formatInZone(event.firstMeetingAt, event.inviteeZone);
  const text = `${mention(event.inviterId)} asks ${role}: you would meet ${CADENCE_WORDS[event.cadence]} for ${event.meetingMinutes} minutes, the first meeting *${when}*, until ${formatLocalDate(event.plannedEndOn)}.`;
  return {
    text: `Mentorship invitation from <@${event.inviterId}>`,
    blocks: [
      { type: 'header', text: plain('A mentorship invitation', 150) },
      { type: 'section', text: mrkdwn(text) },
      {
        type: 'context',
        elements: [
          mrkdwn(
            `Nothing starts until you accept: no reminders, no post in the goals channel. The invitation is open until ${formatInZone(event.expiresAt, event.inviteeZone)}.`,
          ),
        ],
      },
      {
        type: 'actions',
        elements: [lifeButton('Accept', PairLifeActions.accept, event.pairId, 'primary'), lifeButton('Decline', PairLifeActions.decline, event.pairId)],
      },
    ],
  };
}

/** Where the invitation's buttons were, once it is answered or gone: the message says what happened and offers nothing. */
export function invitationSettledMessage(note: string): Message {
  return { text: note, blocks: [{ type: 'section', text: mrkdwn(note) }] };
}

export const ACCEPTED_NOTE = ':handshake: You accepted. Your mentorship has started: the welcome is on its way.';

/** To the inviter (declined, expired) or the invitee (withdrawn): kind, and what they can do next. */
export function invitationClosedMessage(event: InvitationClosed): Message {
  const reason = event.reason ? `\nThey wrote:\n${quoteTyped(event.reason, 1000)}` : '';
  const lines = {
    declined: `${mention(event.inviteeId)} declined your mentorship invitation, and that's fine: the timing or the fit isn't always right.${reason}\nNothing was set up; \`/mentorship pair\` starts another whenever you like.`,
    expired: `Your mentorship invitation to ${mention(event.inviteeId)} expired after a week without an answer, so nothing was set up. You could ask them in person, then invite them again with \`/mentorship pair\`.`,
    withdrawn: `${mention(event.inviterId)} withdrew their mentorship invitation. Nothing was set up.`,
  } as const;
  return { text: lines[event.how].split('\n')[0]!, blocks: [{ type: 'section', text: mrkdwn(lines[event.how]) }] };
}

export function pairPausedMessage(event: PairPaused): Message {
  const until = event.resumeOn ? `until ${formatLocalDate(event.resumeOn)}` : 'until one of you resumes it';
  const text =
    event.cause === 'deactivated'
      ? `${mention(event.actorId)}'s Slack account was deactivated, so I paused your mentorship: no meetings and no reminders. You can end it from the Home tab or \`/mentorship status\`.`
      : `${mention(event.actorId)} paused your mentorship ${until}. There are no meetings and no reminders meanwhile; either of you can resume it from the Home tab or \`/mentorship status\`.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:double_vertical_bar: ${text}`) }] };
}

export function pairResumedMessage(event: PairResumed, viewer: { userId: string; zone: string }): Message {
  const who = event.actorId ? `${mention(event.actorId)} resumed your mentorship.` : 'Your mentorship resumed, as planned when it was paused.';
  const next = event.nextMeetingAt
    ? ` Your next meeting is *${formatInZone(event.nextMeetingAt, viewer.zone)}*.`
    : ' No more meetings are planned before its end.';
  const text = `${who}${next}`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:arrow_forward: ${text}`) }] };
}

function changeLine(change: ChangedDetail, zone: string): string {
  switch (change.field) {
    case 'channel':
      return `• Goals channel: ${channelLink(change.from)} → ${channelLink(change.to)}`;
    case 'timeZone':
      return `• Meeting time zone: ${change.from} → ${change.to} (meetings keep their local time)`;
    case 'plannedEnd':
      return `• Planned end: ${formatLocalDate(change.from)} → ${formatLocalDate(change.to)}`;
    case 'nextMeeting':
      return `• Next meeting: ${change.from ? formatInZone(change.from, zone) : 'none'} → ${change.to ? formatInZone(change.to, zone) : 'none'}`;
  }
}

export function pairChangedMessage(event: PairChanged): Message {
  const lines = event.changes.map((change) => changeLine(change, event.readerZone));
  const text = `${mention(event.actorId)} changed your mentorship's set-up:\n${lines.join('\n')}`;
  return { text: `${mention(event.actorId)} changed your mentorship's set-up.`, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** The buttons a pair offers in its present state (Home and status), for one of its two people. */
export function lifeButtons(pair: { id: string; status: string; createdBy: string; coordinatorId: string | null }, viewerId: string, other?: string): Button[] {
  // Several pairs show the same buttons: with the other person's name, each says aloud which mentorship it acts on.
  const button = (text: string, actionId: string, style?: 'primary' | 'danger'): Button => ({
    ...lifeButton(text, actionId, pair.id, style),
    ...(other ? { accessibility_label: accessibilityLabel(`${text}: your mentorship with ${other}`) } : {}),
  });
  switch (pair.status) {
    case 'invited':
      return viewerId === pair.createdBy
        ? [button('Withdraw invitation', PairLifeActions.withdraw)]
        : [button('Accept', PairLifeActions.accept, 'primary'), button('Decline', PairLifeActions.decline)];
    case 'active':
      return [button('Change set-up', PairLifeActions.change), button('Pause', PairLifeActions.pause), button('End mentorship', PairLifeActions.end, 'danger')];
    case 'paused':
      return [
        button('Resume', PairLifeActions.resume, 'primary'),
        button('Change set-up', PairLifeActions.change),
        button('End mentorship', PairLifeActions.end, 'danger'),
      ];
    default:
      return [button('My reflection', PairLifeActions.reflect)];
  }
}

/** Home and status: one line on the pair's state, for any state but a plain running pair. */
export function stateLine(
  pair: { status: string; createdBy: string; resumeOn: string | null; endedAt: Date | null; invitationExpiresAt: Date | null },
  viewer: { userId: string; zone: string },
): string | null {
  switch (pair.status) {
    case 'invited':
      return viewer.userId === pair.createdBy
        ? `*Invited:* waiting for an answer${pair.invitationExpiresAt ? ` until ${formatInZone(pair.invitationExpiresAt, viewer.zone)}` : ''}. Nothing starts before.`
        : '*You are invited.* Accept to start: nothing happens before.';
    case 'paused':
      return `*Paused*${pair.resumeOn ? ` until ${formatLocalDate(pair.resumeOn)}` : ''}: no meetings and no reminders.`;
    case 'ended':
      return `*Ended*${pair.endedAt ? ` on ${formatInZone(pair.endedAt, viewer.zone)}` : ''}. Its history stays here to read; nothing in it changes.`;
    default:
      return null;
  }
}
