import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { RESOURCE_KINDS, TAKEAWAY_MAX, TITLE_MAX, URL_MAX } from '../../domain/resources/resource-rules';
import type { ResourceItem } from '../../domain/resources/events';
import type { ResourceOverview } from '../../domain/resources/resources.service';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { OpenActions, ResourceActions, ResourceModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { type ModalSource, sourceMetadata } from '../inputs/origin';
import { doneMessage, type Message } from './help';
import { pairPickerBlock } from './pair-picker';
import { inlineTyped, quoteTyped } from './quote';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

const { add: a, explored: x } = ResourceModal;
const MAX_MESSAGE_BLOCKS = 50;
/** Resources listed per pair at most; the rest are counted. */
export const RESOURCE_LIST_LIMIT = 20;

const KIND_LABELS: Record<(typeof RESOURCE_KINDS)[number], string> = {
  article: 'Article',
  book: 'Book',
  course: 'Course',
  video: 'Video',
  podcast: 'Podcast',
  talk: 'Talk',
  other: 'Other',
};

/**
 * The title as a link when there is one. The stored URL never holds `|`, `<` or `>` (checkUrl); its `&`
 * is escaped like any `&` in mrkdwn, and Slack reads it back as `&` when the link is followed.
 */
export function resourceLink(resource: Pick<ResourceItem, 'title' | 'url'>): string {
  const title = inlineTyped(resource.title, TITLE_MAX);
  return resource.url ? `<${resource.url.replace(/&/g, '&amp;')}|${title}>` : `*${title}*`;
}

function resourceLine(resource: ResourceItem, readerZone: string): KnownBlock {
  const head = `${resourceLink(resource)} · ${KIND_LABELS[resource.kind]} · recommended by ${mention(resource.recommendedBy)}`;
  if (resource.exploredAt && resource.exploredBy) {
    const takeaway = resource.takeaway ? `: _${inlineTyped(resource.takeaway, 300)}_` : '';
    return {
      type: 'section',
      text: mrkdwn(`:white_check_mark: ${head}\nExplored by ${mention(resource.exploredBy)}, ${formatInZone(resource.exploredAt, readerZone)}${takeaway}`),
    };
  }
  return {
    type: 'section',
    text: mrkdwn(`:book: ${head}`),
    accessory: markExploredButton(resource),
  };
}

export function progressLine(overview: Pick<ResourceOverview, 'progress' | 'startedOn'>, readerZone: string): string {
  const { progress } = overview;
  const since = progress.sinceMeeting
    ? `since your last meeting (ended ${formatInZone(progress.since, readerZone)})`
    : `since your mentorship started on ${formatLocalDate(overview.startedOn)}`;
  const done = progress.explored >= progress.target ? ' :tada:' : '';
  return `Explored ${since}: *${Math.min(progress.explored, progress.target)} of ${progress.target}*${done}. The habit: two resources between sessions.`;
}

/**
 * Ephemeral: each of the person's pairs with its resources and the between-sessions progress. The
 * item budget is shared so the whole message stays within Slack's 50 blocks.
 */
export function resourcesMessage(overviews: readonly { overview: ResourceOverview; otherId: string }[], readerZone: string): Message {
  const shownPairs = overviews.slice(0, 9);
  const perPairOverhead = 4;
  const budget = Math.floor((MAX_MESSAGE_BLOCKS - perPairOverhead * shownPairs.length - (shownPairs.length - 1)) / Math.max(shownPairs.length, 1));
  const perPair = Math.max(0, Math.min(RESOURCE_LIST_LIMIT, budget));
  const blocks: KnownBlock[] = [];
  shownPairs.forEach(({ overview, otherId }, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', text: mrkdwn(`*Learning resources with ${mention(otherId)}*\n${progressLine(overview, readerZone)}`) });
    const items = overview.resources.slice(0, perPair);
    if (items.length === 0) blocks.push({ type: 'context', elements: [mrkdwn('Nothing here yet. Add an article, a book or a talk one of you recommends.')] });
    for (const resource of items) blocks.push(resourceLine(resource, readerZone));
    if (overview.total > items.length) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${overview.total - items.length} more.`)] });
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: plain('Add resource', 75), action_id: OpenActions.addResource, value: overview.pairId, style: 'primary' }],
    });
  });
  if (overviews.length > shownPairs.length)
    blocks.push({ type: 'context', elements: [mrkdwn(`${overviews.length - shownPairs.length} more mentorships not shown.`)] });
  return { text: 'Your learning resources', blocks };
}

export interface ResourceModalInput {
  choices: readonly PairChoice[];
  names: Record<string, string>;
  pairId?: string;
  channelId?: string;
}

export function resourceAddModal(input: ResourceModalInput): ModalView {
  const choice = input.pairId ? input.choices.find((c) => c.pair.id === input.pairId) : undefined;
  const kinds: PlainTextOption[] = RESOURCE_KINDS.map((kind) => ({ text: plain(KIND_LABELS[kind]), value: kind }));
  const recommenders: PlainTextOption[] = [
    { text: plain('I did'), value: 'me' },
    { text: plain(choice ? (input.names[choice.otherId] ?? 'The other person') : 'The other person in the pair', 75), value: 'other' },
  ];
  const blocks: KnownBlock[] = [];
  if (!input.pairId) blocks.push(pairPickerBlock(input.choices, input.names));
  blocks.push(
    {
      type: 'input',
      block_id: a.blocks.title,
      label: plain('Title'),
      element: { type: 'plain_text_input', action_id: a.actions.title, max_length: TITLE_MAX, placeholder: plain("e.g. The Manager's Path, chapter 3") },
    },
    {
      type: 'input',
      block_id: a.blocks.url,
      optional: true,
      label: plain('Link'),
      element: { type: 'url_text_input', action_id: a.actions.url, placeholder: plain('https://…') },
      hint: plain(`An http:// or https:// link, up to ${URL_MAX} characters. Leave it empty for a book on paper.`),
    },
    {
      type: 'input',
      block_id: a.blocks.kind,
      label: plain('Kind'),
      element: { type: 'static_select', action_id: a.actions.kind, options: kinds, initial_option: kinds[0] },
    },
    {
      type: 'input',
      block_id: a.blocks.recommendedBy,
      label: plain('Who recommended it?'),
      element: { type: 'radio_buttons', action_id: a.actions.recommendedBy, options: recommenders, initial_option: recommenders[0] },
    },
  );
  return {
    type: 'modal',
    callback_id: a.callbackId,
    title: plain('Add a resource', 24),
    submit: plain('Add', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ ...(input.pairId ? { pairId: input.pairId } : {}), ...(input.channelId ? { channelId: input.channelId } : {}) }),
    blocks,
  };
}

export function resourceExploredModal(resource: ResourceItem, source: ModalSource = {}): ModalView {
  return {
    type: 'modal',
    callback_id: x.callbackId,
    title: plain('Mark explored', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ resourceId: resource.id, ...sourceMetadata(source) }),
    blocks: [
      { type: 'section', text: mrkdwn(`${resourceLink(resource)} · recommended by ${mention(resource.recommendedBy)}`) },
      {
        type: 'input',
        block_id: x.blocks.takeaway,
        label: plain('Your takeaway'),
        element: {
          type: 'plain_text_input',
          action_id: x.actions.takeaway,
          multiline: true,
          max_length: TAKEAWAY_MAX,
          placeholder: plain('One thing you will use from it'),
        },
      },
    ],
  };
}

/** To the other person of the pair: a new resource to look at. */
export function resourceAddedDm(resource: ResourceItem, addedBy: string): Message {
  return {
    text: `${mention(addedBy)} added a learning resource: ${inlineTyped(resource.title, TITLE_MAX)}`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `:books: ${mention(addedBy)} added a learning resource: ${resourceLink(resource)} (${KIND_LABELS[resource.kind]}, recommended by ${mention(resource.recommendedBy)})`,
        ),
        accessory: markExploredButton(resource),
      },
    ],
  };
}

/** The DM that offered "Mark explored", once it is done: who explored it, when, and the takeaway. */
export function resourceDoneDm(resource: ResourceItem, readerZone: string): Message {
  return { text: `Explored: ${inlineTyped(resource.title, TITLE_MAX)}`, blocks: [resourceLine(resource, readerZone)] };
}

/** To the person who added it, privately. */
export function resourceAddedMessage(resource: ResourceItem, otherId: string): Message {
  return doneMessage(`Added ${resourceLink(resource)} to your learning resources with ${mention(otherId)}.`);
}

export function resourceExploredMessage(resource: ResourceItem, overview: Pick<ResourceOverview, 'progress' | 'startedOn'>, readerZone: string): Message {
  return {
    text: `Marked explored: ${inlineTyped(resource.title, TITLE_MAX)}`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`:white_check_mark: Marked ${resourceLink(resource)} explored. Your takeaway:\n${quoteTyped(resource.takeaway ?? '', 1000)}`),
      },
      { type: 'context', elements: [mrkdwn(progressLine(overview, readerZone))] },
    ],
  };
}

/** Resources are listed together, each with the same button: its label names the resource. */
function markExploredButton(resource: Pick<ResourceItem, 'id' | 'title'>) {
  return {
    type: 'button' as const,
    text: plain('Mark explored', 75),
    accessibility_label: accessibilityLabel(`Mark explored: ${resource.title}`),
    action_id: ResourceActions.markExplored,
    value: resource.id,
  };
}
