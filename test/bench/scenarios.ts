/** The requests the bench sends, signed exactly as Slack signs them. */
import { signRequest } from '../../src/devtools/slack-driver/sign';
import { defaultFirstDate, pairModal } from '../../src/slack/blocks/pair-modal';
import { buildSubmission } from '../../src/devtools/slack-driver';
import type { StoredView } from '../../src/devtools/slack-stand-in';
import { AgendaModal, GoalModal, NotesModal, PairModal } from '../../src/slack/ids';
import type { SpreadPair, SpreadWorld } from './spread';
import type { Prepared } from './load';
import { BENCH_CHANNEL, BENCH_SECRET, BENCH_TEAM, BENCH_USERS } from './protocol';

const FORM = 'application/x-www-form-urlencoded';

/** Trigger ids and response URLs issued by the stand-in for this run, one per request. */
export interface Issued {
  triggers: string[];
  responseUrls: string[];
}

export interface Scenario {
  key: string;
  label: string;
  /** The body of request i (form-encoded, unsigned: it is signed as it is sent, like Slack signs at send time). */
  body(i: number, issued: Issued): string;
  /**
   * Each request changes what it submits to (a notes submission uses up a meeting): the runner numbers
   * the requests to each app on from the last run, so no two runs against the real app repeat one.
   */
  consumes?: boolean;
}

/** A form body signed now, as Slack signs each request when it sends it. */
export function signed(body: string): Prepared {
  return { body, headers: { 'content-type': FORM, ...signRequest(BENCH_SECRET, body) } };
}

function command(text: string, i: number, issued: Issued): string {
  const user = BENCH_USERS.maria;
  const body = new URLSearchParams({
    token: 'unused',
    team_id: BENCH_TEAM,
    team_domain: 'bench',
    channel_id: `D${user.id}`,
    channel_name: 'directmessage',
    user_id: user.id,
    user_name: user.name,
    command: '/mentorship',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: issued.responseUrls[i % issued.responseUrls.length] ?? 'http://127.0.0.1:9/none',
    trigger_id: issued.triggers[i % issued.triggers.length] ?? 'none',
  }).toString();
  return body;
}

/** A submission of the pair modal for a pair that already exists: read from the database, answered with a field error. */
function pairSubmissionBody(): string {
  const { blocks: b, actions: a } = PairModal;
  const modal = pairModal({ mentorId: BENCH_USERS.maria.id, timeZone: 'Europe/Berlin', firstDate: defaultFirstDate(new Date(), 'Europe/Berlin') });
  const firstDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const values = {
    [b.mentor]: { [a.mentor]: { type: 'users_select', selected_user: BENCH_USERS.maria.id } },
    [b.mentee]: { [a.mentee]: { type: 'users_select', selected_user: BENCH_USERS.theo.id } },
    [b.channel]: { [a.channel]: { type: 'conversations_select', selected_conversation: BENCH_CHANNEL.id } },
    [b.cadence]: { [a.cadence]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Every week' }, value: 'weekly' } } },
    [b.firstDate]: { [a.firstDate]: { type: 'datepicker', selected_date: firstDate } },
    [b.firstTime]: { [a.firstTime]: { type: 'timepicker', selected_time: '10:00' } },
    [b.duration]: { [a.duration]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '60 minutes' }, value: '60' } } },
    [b.timeZone]: { [a.timeZone]: { type: 'plain_text_input', value: 'Europe/Berlin' } },
    [b.length]: { [a.length]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '6 months' }, value: '6' } } },
  };
  const view = {
    ...modal,
    id: 'V0BENCH',
    team_id: BENCH_TEAM,
    private_metadata: '',
    external_id: '',
    state: { values },
    hash: '1700000000.bench',
    previous_view_id: null,
    root_view_id: 'V0BENCH',
    app_id: 'A0001',
    app_installed_team_id: BENCH_TEAM,
    bot_id: 'BBOT',
  };
  const payload = {
    type: 'view_submission',
    team: { id: BENCH_TEAM, domain: 'bench' },
    user: { id: BENCH_USERS.maria.id, username: BENCH_USERS.maria.name, name: BENCH_USERS.maria.name, team_id: BENCH_TEAM },
    api_app_id: 'A0001',
    token: 'unused',
    trigger_id: 'unused',
    view,
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let submission: string | undefined;

/** The single-pair requests: a command without the database, a command that opens a modal, a refused submission. */
export const REQUEST_SCENARIOS: Scenario[] = [
  { key: 'help', label: '/mentorship help', body: (i, issued) => command('help', i, issued) },
  // Maria's pair is seeded: the agenda modal for its next meeting (pair, meeting and agenda reads, then views.open).
  { key: 'agenda', label: '/mentorship agenda (DB + views.open)', body: (i, issued) => command('agenda', i, issued) },
  {
    key: 'pair-submit',
    label: 'pair submission refused: pair exists (DB)',
    body: () => (submission ??= pairSubmissionBody()),
  },
];

type ViewJson = StoredView & { blocks: Array<{ type?: string; block_id?: string }> };

/**
 * The modal of pair 0, re-addressed to pair `pair` (its ids replace pair 0's wherever they appear:
 * block ids scoped to the meeting, private_metadata, button values), filled as Slack's client fills
 * it, and sent as Slack sends a view_submission.
 */
function submitted(
  world: SpreadWorld,
  template: unknown,
  pair: SpreadPair,
  ids: Record<string, string>,
  inputs: (view: ViewJson) => Record<string, unknown>,
): string {
  const first = world.pairs[0]!;
  let json = JSON.stringify(template);
  const menteeOf = (mentorId: string) => mentorId.replace('USPM', 'USPE');
  const swaps = { [first.pairId]: pair.pairId, [first.mentorId]: pair.mentorId, [menteeOf(first.mentorId)]: menteeOf(pair.mentorId), ...ids };
  for (const [from, to] of Object.entries(swaps)) {
    json = json.replace(new RegExp(`${from}(?![0-9a-f-])`, 'g'), to);
  }
  const modal = JSON.parse(json) as ViewJson;
  const stored: ViewJson = {
    ...modal,
    id: 'V0BENCH',
    team_id: BENCH_TEAM,
    private_metadata: modal.private_metadata ?? '',
    callback_id: modal.callback_id,
    external_id: '',
    state: { values: {} },
    hash: '1700000000.bench',
    clear_on_close: false,
    notify_on_close: false,
    previous_view_id: null,
    root_view_id: 'V0BENCH',
    app_id: 'A0001',
    app_installed_team_id: BENCH_TEAM,
    bot_id: 'BBOT',
  };
  const { values } = buildSubmission(stored, inputs(stored));
  const payload = {
    type: 'view_submission',
    team: { id: BENCH_TEAM, domain: 'bench' },
    user: { id: pair.mentorId, username: pair.mentorId.toLowerCase(), name: pair.mentorId.toLowerCase(), team_id: BENCH_TEAM },
    api_app_id: 'A0001',
    token: 'unused',
    trigger_id: 'unused',
    view: { ...stored, state: { values } },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The input block whose id is `base` or `base` scoped to a meeting. */
const blockOf = (view: ViewJson, base: string): string =>
  view.blocks.find((block) => block.type === 'input' && (block.block_id === base || block.block_id?.startsWith(`${base}.`)))!.block_id!;

/**
 * Submissions spread over the seeded pairs (request i goes to pair i mod N), each as the pair's mentor:
 * a topic added to the next meeting's agenda, a new goal, the notes of a meeting that has started
 * (each meeting's notes are recorded once: request i takes the (i div N)-th started meeting of its pair).
 */
export function submissionScenarios(world: SpreadWorld): Scenario[] {
  const n = world.pairs.length;
  const pairOf = (i: number) => world.pairs[i % n]!;
  const first = world.pairs[0]!;
  return [
    {
      key: 'agenda-submit',
      label: `agenda submission, over ${n} pairs (DB + DM)`,
      body: (i) => {
        const pair = pairOf(i);
        return submitted(world, world.views.agenda, pair, { [first.nextMeetingId]: pair.nextMeetingId }, (view) => ({
          [blockOf(view, AgendaModal.blocks.topics)]: `Topic ${i}: how to run a design review`,
        }));
      },
      consumes: true,
    },
    {
      key: 'goal-submit',
      label: `goal submission, over ${n} pairs (DB + ephemeral list)`,
      body: (i) =>
        submitted(world, world.views.goal, pairOf(i), {}, () => ({
          [GoalModal.blocks.title]: `Lead a design review (${i})`,
          [GoalModal.blocks.specific]: 'Run the review of the search redesign from invitation to decision record.',
          [GoalModal.blocks.measurable]: 'The decision record is published and two reviewers say it helped.',
        })),
      consumes: true,
    },
    {
      key: 'notes-submit',
      label: `notes submission, over ${n} pairs (DB + 2 DMs)`,
      body: (i) => {
        const pair = pairOf(i);
        const meetingId = pair.pastMeetingIds[Math.floor(i / n) % pair.pastMeetingIds.length]!;
        return submitted(world, world.views.notes, pair, { [first.pastMeetingIds[0]!]: meetingId }, (view) => ({
          [blockOf(view, NotesModal.blocks.takeaways)]: `Agreed to try pairing twice a week (${i}).`,
        }));
      },
      consumes: true,
    },
  ];
}
