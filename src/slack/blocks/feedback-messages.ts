import type { KnownBlock } from '@slack/types';
import type { FeedbackItem } from '../../domain/feedback/events';
import { formatInZone } from '../../domain/time/zoned';
import { FeedbackActions } from '../ids';
import { doneMessage, type Message } from './help';
import { inlineTyped, quoteTyped } from './quote';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

const button = (text: string, actionId: string, value: string, primary = false) => ({
  type: 'button' as const,
  text: plain(text, 75),
  action_id: actionId,
  value,
  ...(primary ? { style: 'primary' as const } : {}),
});

/** To the person asked: the question, and a button to answer it. Times in the reader's zone. */
export function feedbackRequestedDm(request: FeedbackItem, meetingAt: Date | null, readerZone: string): Message {
  const area = inlineTyped(request.area);
  const when = [`Asked ${formatInZone(request.askedAt, readerZone)}`];
  if (meetingAt) when.push(`for your meeting on ${formatInZone(meetingAt, readerZone)}`);
  return {
    text: `${mention(request.requesterId)} asks for your feedback on ${area}.`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`:speech_balloon: ${mention(request.requesterId)} asks for your feedback on *${area}*:\n${quoteTyped(request.question, 600)}`),
      },
      // Once answered (the DM is updated in place), the button gives way to when it was answered.
      request.answeredAt
        ? { type: 'context', elements: [mrkdwn(`:white_check_mark: You answered ${formatInZone(request.answeredAt, readerZone)}.`)] }
        : { type: 'actions', elements: [button('Answer', FeedbackActions.answer, request.id, true)] },
      { type: 'context', elements: [mrkdwn(`${when.join(', ')}. One specific thing they can try is the most useful answer.`)] },
    ],
  };
}

/**
 * To the person who asked: the answer, and once given the example they asked for; a mentee also gets
 * the button to report how they applied it, and anyone who asked the button to ask for an example.
 */
export function feedbackAnsweredDm(request: FeedbackItem, readerZone: string, canReport: boolean): Message {
  const area = inlineTyped(request.area);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`:bulb: ${mention(request.responderId)} answered your feedback request on *${area}*:\n${quoteTyped(request.answer ?? '')}`),
    },
  ];
  if (request.example) blocks.push({ type: 'section', text: mrkdwn(`*Their example:*\n${quoteTyped(request.example)}`) });
  blocks.push({
    type: 'context',
    elements: [mrkdwn(`You asked: ${inlineTyped(request.question, 300)} · Answered ${request.answeredAt ? formatInZone(request.answeredAt, readerZone) : ''}`)],
  });
  const buttons = [];
  if (canReport && !request.appliedAt) buttons.push(button('Report how I applied it', FeedbackActions.apply, request.id));
  if (!request.exampleAskedAt) {
    buttons.push({
      ...button('Ask for an example', FeedbackActions.askExample, request.id),
      accessibility_label: accessibilityLabel(`Ask for a concrete example of the feedback on ${request.area}`),
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  const notes: string[] = [];
  if (canReport && request.appliedAt)
    notes.push(`:white_check_mark: You told ${mention(request.responderId)} how you applied it, ${formatInZone(request.appliedAt, readerZone)}.`);
  else if (canReport) notes.push('Try it before your next meeting, then tell your mentor how it went.');
  if (request.exampleAskedAt && !request.exampleGivenAt) {
    notes.push(`:hourglass_flowing_sand: You asked ${mention(request.responderId)} for an example, ${formatInZone(request.exampleAskedAt, readerZone)}.`);
  } else if (!request.exampleAskedAt) notes.push('Unclear? Ask for a concrete example.');
  blocks.push(...notes.map((note): KnownBlock => ({ type: 'context', elements: [mrkdwn(note)] })));
  return { text: `${mention(request.responderId)} answered your feedback request on ${area}.`, blocks };
}

/** To the person who answered: the request and their answer, and a button to give one concrete example. */
export function feedbackExampleAskedDm(request: FeedbackItem, readerZone: string): Message {
  const area = inlineTyped(request.area);
  return {
    text: `${mention(request.requesterId)} asks for a concrete example of your feedback on ${area}.`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `:mag: ${mention(request.requesterId)} asks for a concrete example of your feedback on *${area}*.\nThey asked:\n${quoteTyped(request.question, 600)}\nYou answered:\n${quoteTyped(request.answer ?? '', 1500)}`,
        ),
      },
      // Once given (the DM is updated in place), the button gives way to when it was given.
      request.exampleGivenAt
        ? { type: 'context', elements: [mrkdwn(`:white_check_mark: You gave an example ${formatInZone(request.exampleGivenAt, readerZone)}.`)] }
        : {
            type: 'actions',
            elements: [
              {
                ...button('Give an example', FeedbackActions.giveExample, request.id, true),
                accessibility_label: accessibilityLabel(`Give an example for your feedback on ${request.area}`),
              },
            ],
          },
      { type: 'context', elements: [mrkdwn('One moment you saw: what happened, and what they could try instead.')] },
    ],
  };
}

/** To the person who asked: the example, under the answer it illustrates. */
export function feedbackExampleGivenDm(request: FeedbackItem, readerZone: string): Message {
  const area = inlineTyped(request.area);
  return {
    text: `${mention(request.responderId)} gave an example for their feedback on ${area}.`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`:bulb: ${mention(request.responderId)} gave an example for their feedback on *${area}*:\n${quoteTyped(request.example ?? '')}`),
      },
      {
        type: 'context',
        elements: [
          mrkdwn(
            `Their answer: ${inlineTyped(request.answer ?? '', 300)} · Given ${request.exampleGivenAt ? formatInZone(request.exampleGivenAt, readerZone) : ''}`,
          ),
        ],
      },
    ],
  };
}

/** To the mentor: what the mentee did with their feedback. */
export function feedbackAppliedDm(request: FeedbackItem, readerZone: string): Message {
  const area = inlineTyped(request.area);
  return {
    text: `${mention(request.requesterId)} applied your feedback on ${area}.`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`:seedling: ${mention(request.requesterId)} applied your feedback on *${area}*:\n${quoteTyped(request.application ?? '')}`),
      },
      {
        type: 'context',
        elements: [
          mrkdwn(`Your answer: ${inlineTyped(request.answer ?? '', 300)} · Reported ${request.appliedAt ? formatInZone(request.appliedAt, readerZone) : ''}`),
        ],
      },
    ],
  };
}

/** Ephemeral: what waits on this person, with the same buttons the DMs carry. */
export function feedbackInboxMessage(inbox: { toAnswer: readonly FeedbackItem[]; toApply: readonly FeedbackItem[] }, readerZone: string): Message | null {
  if (inbox.toAnswer.length === 0 && inbox.toApply.length === 0) return null;
  const blocks: KnownBlock[] = [];
  if (inbox.toAnswer.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn('*Feedback requests waiting for your answer*') });
    for (const request of inbox.toAnswer) {
      blocks.push({
        type: 'section',
        text: mrkdwn(`${mention(request.requesterId)} on *${inlineTyped(request.area)}* · asked ${formatInZone(request.askedAt, readerZone)}`),
        accessory: {
          ...button('Answer', FeedbackActions.answer, request.id, true),
          accessibility_label: accessibilityLabel(`Answer the feedback request on ${request.area}`),
        },
      });
    }
  }
  if (inbox.toApply.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn('*Answers to act on: tell your mentor how you applied them*') });
    for (const request of inbox.toApply) {
      blocks.push({
        type: 'section',
        text: mrkdwn(`${mention(request.responderId)} on *${inlineTyped(request.area)}*: ${inlineTyped(request.answer ?? '', 200)}`),
        accessory: {
          ...button('Report how I applied it', FeedbackActions.apply, request.id),
          accessibility_label: accessibilityLabel(`Report how I applied the feedback on ${request.area}`),
        },
      });
    }
  }
  const count = inbox.toAnswer.length + inbox.toApply.length;
  return { text: `${count} feedback item${count === 1 ? '' : 's'} waiting on you.`, blocks };
}

/**
 * The private confirmations of each step. The DM to the other person is in the outbox: sent at once,
 * or when their quiet hours end, so these say it is on its way rather than that it arrived.
 */
export const feedbackAskedMessage = (request: FeedbackItem): Message =>
  doneMessage(`Asked ${mention(request.responderId)} for feedback on *${inlineTyped(request.area)}*. I'll DM you the answer.`);

export const feedbackAnswerSentMessage = (request: FeedbackItem): Message => doneMessage(`Sent your answer to ${mention(request.requesterId)}. Thank you!`);

export const feedbackExampleGivenMessage = (request: FeedbackItem): Message => doneMessage(`Sent your example to ${mention(request.requesterId)}. Thank you!`);

export const feedbackExampleAskedMessage = (request: FeedbackItem): Message =>
  doneMessage(`Asked ${mention(request.responderId)} for a concrete example. I'll DM it to you.`);

export const feedbackAppliedMessage = (mentorId: string): Message => doneMessage(`Told ${mention(mentorId)} how you applied their feedback.`);
