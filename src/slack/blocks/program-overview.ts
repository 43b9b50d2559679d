import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { PairStatus } from '../../db/schema';
import { HEALTHS, type PairHealth } from '../../domain/program/health';
import { type Overview, type OverviewPair, PAGE_SIZE, STATES } from '../../domain/program/overview';
import type { CoordinatorChange } from '../../domain/program/program.service';
import { formatInZone, formatLocalDate, localDateIn } from '../../domain/time/zoned';
import { ProgramActions, ProgramModal } from '../ids';
import { encodeOverviewState } from '../inputs/program-form';
import { habitBlocks } from './program-habits';
import { HEALTH_LABEL, HEALTH_OPTION, REASON_TEXT, STATE_LABEL, healthLine, stateLine } from './program-format';
import type { Message } from './help';
import { mention, mrkdwn, plain } from './text';

const ALL = 'all';
const option = (value: string, text: string): PlainTextOption => ({ text: plain(text, 75), value });
const STATE_OPTIONS = [option(ALL, 'All states'), ...STATES.map((status) => option(status, STATE_LABEL[status]))];
const HEALTH_OPTIONS = [option(ALL, 'Any health'), ...HEALTHS.map((health) => option(health, HEALTH_OPTION[health]))];

/**
 * The program overview: counts, the filters, one page of pairs, paging, and the coordinators. Only
 * ids (rendered by Slack as names), dates, states and health: nothing a pair typed. At most
 * PAGE_SIZE pairs a page keeps it near 35 blocks (Slack allows 100) whatever the program's size.
 */
export function programModal(overview: Overview, change?: CoordinatorChange): ModalView {
  const { filter, page } = overview;
  return {
    type: 'modal',
    callback_id: ProgramModal.callbackId,
    private_metadata: encodeOverviewState({ status: filter.status, health: filter.health, page }),
    title: plain('Program overview', 24),
    close: plain('Close', 24),
    blocks: [
      { type: 'section', text: mrkdwn(`*${stateLine(overview.counts)}*\nHealth of the pairs that have not ended: ${healthLine(overview.counts)}`) },
      ...habitBlocks(overview.habits),
      {
        type: 'actions',
        block_id: ProgramModal.blocks.filters,
        elements: [
          { type: 'static_select', action_id: ProgramActions.filterState, options: STATE_OPTIONS, initial_option: stateOption(filter.status) },
          { type: 'static_select', action_id: ProgramActions.filterHealth, options: HEALTH_OPTIONS, initial_option: healthOption(filter.health) },
        ],
      },
      { type: 'context', elements: [mrkdwn(shownLine(overview))] },
      ...overview.pairs.map((pair) => pairBlock(pair, overview)),
      ...pagingBlocks(overview),
      { type: 'divider' },
      ...coordinatorBlocks(overview, change),
    ],
  };
}

const stateOption = (status: PairStatus | null) => STATE_OPTIONS.find((o) => o.value === (status ?? ALL))!;
const healthOption = (health: PairHealth | null) => HEALTH_OPTIONS.find((o) => o.value === (health ?? ALL))!;

function shownLine(overview: Overview): string {
  if (overview.pairs.length === 0) return overview.matching === 0 ? 'No pair matches these filters.' : 'No more pairs on this page.';
  const first = overview.page * PAGE_SIZE + 1;
  const last = first + overview.pairs.length - 1;
  return `Pairs ${first}–${last} of ${overview.matching}, newest first. Times in ${overview.viewerZone}. Health is judged as the README says; an ended pair has none.`;
}

function pairBlock(pair: OverviewPair, overview: Overview): KnownBlock {
  const zone = overview.viewerZone;
  const health = pair.judgement
    ? `${HEALTH_LABEL[pair.judgement.health]}${pair.judgement.reasons.length > 0 ? ` (${pair.judgement.reasons.map((r) => REASON_TEXT[r]).join('; ')})` : ''}`
    : 'No health: ended';
  const lastHeld = pair.lastHeldAt ? formatLocalDate(localDateIn(pair.lastHeldAt, zone)) : 'none yet';
  const next = pair.nextAt ? formatInZone(pair.nextAt, zone) : 'none planned';
  return {
    type: 'section',
    text: mrkdwn(
      `${mention(pair.mentorId)} mentors ${mention(pair.menteeId)} · *${STATE_LABEL[pair.status]}* · ${health}\n` +
        `Start ${formatLocalDate(pair.startedOn)} · planned end ${formatLocalDate(pair.plannedEndOn)}\n` +
        `Last meeting held: ${lastHeld} · next meeting: ${next}`,
    ),
  };
}

function pagingBlocks(overview: Overview): KnownBlock[] {
  const buttons = [
    ...(overview.page > 0
      ? [
          {
            type: 'button' as const,
            action_id: ProgramActions.previousPage,
            text: plain('Previous', 75),
            accessibility_label: 'Previous page of pairs',
            value: String(overview.page - 1),
          },
        ]
      : []),
    ...(overview.more
      ? [
          {
            type: 'button' as const,
            action_id: ProgramActions.nextPage,
            text: plain('Next', 75),
            accessibility_label: 'Next page of pairs',
            value: String(overview.page + 1),
          },
        ]
      : []),
    // Every pair, whatever the filters: the file is the whole program, for a spreadsheet.
    { type: 'button' as const, action_id: ProgramActions.exportCsv, text: plain('Export CSV', 75), value: 'all' },
    { type: 'button' as const, action_id: ProgramActions.enrol, text: plain('Enrol pairs', 75), value: 'enrol' },
  ];
  return [{ type: 'actions', block_id: ProgramModal.blocks.paging, elements: buttons }];
}

const CHANGE_TEXT: Record<CoordinatorChange['kind'], (who: string) => string> = {
  added: (who) => `:white_check_mark: ${who} now coordinates the program.`,
  already_added: (who) => `${who} already coordinates the program.`,
  admin_already: (who) => `${who} is a workspace admin or owner, so already coordinates the program.`,
  removed: (who) => `:white_check_mark: ${who} no longer coordinates the program.`,
  removed_still_admin: (who) => `${who} is no longer on the added list, but as a workspace admin or owner still coordinates the program.`,
  admin_not_removable: (who) => `${who} is a workspace admin or owner: admins and owners always coordinate and can't be removed here.`,
  not_added: (who) => `${who} was not an added coordinator; nothing changed.`,
};

function coordinatorBlocks(overview: Overview, change: CoordinatorChange | undefined): KnownBlock[] {
  const { userIds, total } = overview.added;
  const more = total - userIds.length;
  const added = userIds.length === 0 ? 'nobody yet' : `${userIds.map(mention).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return [
    {
      type: 'section',
      text: mrkdwn(`*Coordinators*: the workspace's admins and owners (always; they can't be removed here), and people a coordinator added: ${added}.`),
    },
    ...(change ? [{ type: 'context' as const, elements: [mrkdwn(CHANGE_TEXT[change.kind](mention(change.userId)))] }] : []),
    {
      type: 'actions',
      block_id: ProgramModal.blocks.coordinators,
      elements: [
        { type: 'users_select', action_id: ProgramActions.addCoordinator, placeholder: plain('Add a coordinator', 150) },
        { type: 'users_select', action_id: ProgramActions.removeCoordinator, placeholder: plain('Remove a coordinator', 150) },
      ],
    },
    {
      type: 'context',
      elements: [mrkdwn('Coordinators see names, dates, states, counts and the check-in answers their authors chose to share, never anything a pair wrote.')],
    },
  ];
}

/** The coordinator's private answer once the program's CSV is in their DM. */
export function programCsvSentMessage(pairs: number): Message {
  const text = `The CSV of the program's ${pairs} ${pairs === 1 ? 'pair' : 'pairs'} is in your DM with me.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}
